/** Log redaction, background health checks and W3C trace context over Kafka headers, shared by the services. */
package io.chatstream.support.observability;
