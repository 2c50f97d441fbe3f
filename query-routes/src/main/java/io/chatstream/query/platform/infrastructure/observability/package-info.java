/** Infrastructure: traces (W3C context over gRPC and Kafka), health of Kafka, Redis and the database, log redaction. */
package io.chatstream.query.platform.infrastructure.observability;
