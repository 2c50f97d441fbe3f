/**
 * Infrastructure of the transactional outbox: the {@code outbox} table (rows written in the conversation's
 * transaction), the relay's trigger, lease and batch publisher called by {@code camel/outbox-relay.camel.yaml},
 * and the backlog metrics.
 */
package io.chatstream.command.outbox.infrastructure;
