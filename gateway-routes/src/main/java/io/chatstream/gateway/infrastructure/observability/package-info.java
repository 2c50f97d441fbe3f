/** Infrastructure: log redaction of the JSON logs (tracing comes from Spring Boot and the gRPC channels). */
package io.chatstream.gateway.infrastructure.observability;
