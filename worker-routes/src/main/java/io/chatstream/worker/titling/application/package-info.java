/**
 * Titling, application: the use case SuggestingTitle (a completed first answer → a title from the model) and
 * its ports; no frameworks.
 */
package io.chatstream.worker.titling.application;
