package io.chatstream.domain;

import java.util.Optional;

/** The authenticated person a session belongs to (the token's subject). */
public record UserId(String value) {

    public UserId {
        Identifiers.require(Identifiers.USER_ID, value, "user id");
    }

    /** Empty when {@code raw} is not a well-formed user id. */
    public static Optional<UserId> parse(String raw) {
        return Identifiers.matches(Identifiers.USER_ID, raw) ? Optional.of(new UserId(raw)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
