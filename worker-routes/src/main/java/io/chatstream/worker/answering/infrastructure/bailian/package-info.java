/**
 * Answering, the model provider adapter: Bailian (DashScope) through LangChain4j, one client per model,
 * the call tag that lets a stop close the HTTP stream, and the circuit breaker around it all.
 */
package io.chatstream.worker.answering.infrastructure.bailian;
