package io.chatstream.domain;

import java.util.Optional;
import java.util.UUID;

/** Identifies one prompt and its answer across every service; also the idempotency key of a submit. */
public record RequestId(String value) {

    public RequestId {
        Identifiers.require(Identifiers.OPAQUE_ID, value, "request id");
    }

    public static RequestId generate() {
        return new RequestId(UUID.randomUUID().toString());
    }

    /** Empty when {@code raw} is not a well-formed request id. */
    public static Optional<RequestId> parse(String raw) {
        return Identifiers.matches(Identifiers.OPAQUE_ID, raw) ? Optional.of(new RequestId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
