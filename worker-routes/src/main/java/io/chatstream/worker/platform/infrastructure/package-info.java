/**
 * Service-wide wiring that belongs to no concept: observability (Redis health checked in the background with
 * a bound; traces come from Spring Boot, the Kafka side from service-support).
 */
package io.chatstream.worker.platform.infrastructure;
