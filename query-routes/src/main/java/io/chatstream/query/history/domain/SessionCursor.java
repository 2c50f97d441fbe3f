package io.chatstream.query.history.domain;

import io.chatstream.domain.SessionId;
import java.time.Instant;
import java.util.Optional;

/** Position after a session in the newest-first list: its updated_at and id. Opaque to clients. */
public record SessionCursor(Instant updatedAt, SessionId sessionId) {

    public String encode() {
        return Cursors.encode(Cursors.micros(updatedAt) + ":" + sessionId.value());
    }

    /** Empty when {@code token} was not produced by {@link #encode()}. */
    public static Optional<SessionCursor> decode(String token) {
        return Cursors.decode(token).flatMap(text -> {
            int colon = text.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Cursors.instantOfMicros(text.substring(0, colon))
                    .flatMap(at -> SessionId.parse(text.substring(colon + 1)).map(id -> new SessionCursor(at, id)));
        });
    }
}
