/**
 * Interface layer: adapters that turn gRPC calls and Kafka payloads into application calls
 * (called by the Camel routes in {@code camel/*.camel.yaml}) and results back into wire replies.
 */
package io.chatstream.command.interfaces;
