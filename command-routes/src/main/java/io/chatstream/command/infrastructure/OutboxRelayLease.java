package io.chatstream.command.infrastructure;

import java.util.UUID;

/**
 * This instance's name in the relay lease (table {@code outbox_relay_lease}); the relay route
 * takes the lease before a run and gives it back after, so instances never relay at once.
 */
public class OutboxRelayLease {

    private final String owner = "relay-" + UUID.randomUUID();

    /** Called by the relay route as {@code ${bean:outboxRelayLease.owner}}. */
    public String owner() {
        return owner;
    }
}
