package io.chatstream.command.outbox.infrastructure;

import java.util.Map;
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

    /**
     * The lease statements' parameters ({@code :#owner}) as the message body: camel-sql reads named
     * parameters straight from a Map body; any other body costs a type-converter miss per parameter.
     */
    public Map<String, Object> parameters() {
        return Map.of("owner", owner);
    }
}
