/**
 * Domain of ModelInferenceContext: the InferenceTask aggregate, its stream entries, provider
 * error classification and the answer events; JDK and shared kernel only.
 */
package io.chatstream.worker.domain;
