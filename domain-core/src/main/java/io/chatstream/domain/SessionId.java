package io.chatstream.domain;

import java.util.Optional;
import java.util.UUID;

/** Identifies one conversation. */
public record SessionId(String value) {

    public SessionId {
        Identifiers.require(Identifiers.OPAQUE_ID, value, "session id");
    }

    public static SessionId generate() {
        return new SessionId(UUID.randomUUID().toString());
    }

    /** Empty when {@code raw} is not a well-formed session id. */
    public static Optional<SessionId> parse(String raw) {
        return Identifiers.matches(Identifiers.OPAQUE_ID, raw) ? Optional.of(new SessionId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
