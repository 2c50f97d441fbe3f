/**
 * Infrastructure of ModelInferenceContext: LangChain4j/DashScope client, Redis stream relay,
 * Kafka publishing, Micrometer metrics and the Spring wiring of the use cases.
 */
package io.chatstream.worker.infrastructure;
