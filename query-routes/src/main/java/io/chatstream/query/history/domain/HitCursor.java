package io.chatstream.query.history.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.query.history.domain.MessageCursor.Role;
import java.time.Instant;
import java.util.Optional;

/**
 * Position after a hit in the newest-first search results: the message's created_at, request id and role (an
 * answer before its prompt, as it is newer). Opaque to clients.
 */
public record HitCursor(Instant createdAt, RequestId requestId, Role role) {

    public String encode() {
        return Cursors.encode(Cursors.micros(createdAt) + ":" + requestId.value() + ":" + role.wire());
    }

    /** Empty when {@code token} was not produced by {@link #encode()}. */
    public static Optional<HitCursor> decode(String token) {
        return Cursors.decode(token).flatMap(text -> {
            String[] parts = text.split(":", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Cursors.instantOfMicros(parts[0]).flatMap(at -> RequestId.parse(parts[1])
                    .flatMap(id -> Role.of(parts[2]).map(r -> new HitCursor(at, id, r))));
        });
    }
}
