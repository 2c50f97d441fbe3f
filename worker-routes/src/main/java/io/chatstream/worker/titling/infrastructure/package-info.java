/**
 * Titling, infrastructure: the steps of the route worker-suggest-title (AnswerCompleted in,
 * SessionTitleSuggested out), its settings and metrics.
 */
package io.chatstream.worker.titling.infrastructure;
