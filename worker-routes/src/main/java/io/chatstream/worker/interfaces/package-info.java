/**
 * Interfaces layer of ModelInferenceContext: the Camel YAML routes in {@code src/main/resources/camel}
 * (Kafka in and out); the Java adapters they call live in infrastructure.
 */
package io.chatstream.worker.interfaces;
