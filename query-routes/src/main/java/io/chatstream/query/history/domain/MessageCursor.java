package io.chatstream.query.history.domain;

import java.util.Optional;

/** Position after a message in a session's history: the last (turn, role) shown. Opaque to clients. */
public record MessageCursor(int turn, Role role) {

    /** Message roles in their display order within a turn. */
    public enum Role {
        USER("user"), ASSISTANT("assistant");

        private final String wire;

        Role(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public int rank() {
            return ordinal();
        }

        public static Optional<Role> of(String wire) {
            for (Role r : values()) {
                if (r.wire.equals(wire)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    public String encode() {
        return Cursors.encode(turn + ":" + role.wire());
    }

    /** Empty when {@code token} was not produced by {@link #encode()}. */
    public static Optional<MessageCursor> decode(String token) {
        return Cursors.decode(token).flatMap(text -> {
            String[] parts = text.split(":", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                int turn = Integer.parseInt(parts[0]);
                return turn < 0 ? Optional.empty() : Role.of(parts[1]).map(r -> new MessageCursor(turn, r));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
