/**
 * Infrastructure: JDBC repositories, the transactional outbox, Redis idempotency cache, Camel
 * triggers and the Spring wiring of the use cases.
 */
package io.chatstream.command.infrastructure;
