/**
 * Infrastructure of the transactional outbox: the {@code outbox} table (rows written in the conversation's
 * transaction), the relay that publishes them to Kafka ({@code OutboxRelay}, run by {@code camel/outbox-relay.camel.yaml}),
 * its wake-up, the cleanup of sent rows and the backlog metrics.
 */
package io.chatstream.command.outbox.infrastructure;
