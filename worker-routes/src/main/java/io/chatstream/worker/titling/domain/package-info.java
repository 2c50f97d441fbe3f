/**
 * Titling, domain: what makes a model's reply a conversation title (SuggestedTitle) and what the model is
 * asked (TitleRequest); JDK only.
 */
package io.chatstream.worker.titling.domain;
