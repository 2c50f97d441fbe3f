/**
 * Helpers that keep every service reading and writing the contracts the same way:
 * Kafka event JSON, Redis key names, Redis stream entry fields and gRPC error codes.
 */
package io.chatstream.contracts;
