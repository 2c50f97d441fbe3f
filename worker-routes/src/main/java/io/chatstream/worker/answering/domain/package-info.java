/**
 * Answering, domain: the InferenceTask aggregate (its TaskDecision values), stream entries, provider error
 * classification, backoff and the answer events; JDK and shared kernel only.
 */
package io.chatstream.worker.answering.domain;
