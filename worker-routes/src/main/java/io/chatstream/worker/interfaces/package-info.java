/**
 * Interfaces layer of ModelInferenceContext: the Camel YAML routes in {@code src/main/resources/camel}
 * (Kafka in and out) and the ops API's HTTP adapters (authentication, JSON) that the DLQ routes call.
 */
package io.chatstream.worker.interfaces;
