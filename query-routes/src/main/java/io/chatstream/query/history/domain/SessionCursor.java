package io.chatstream.query.history.domain;

import io.chatstream.domain.SessionId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Position after a session in the newest-first list: its updated_at and id. Opaque to clients. */
public record SessionCursor(Instant updatedAt, SessionId sessionId) {

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
        return Cursors.encode(micros + ":" + sessionId.value());
    }

    /** Empty when {@code token} was not produced by {@link #encode()}. */
    public static Optional<SessionCursor> decode(String token) {
        return Cursors.decode(token).flatMap(text -> {
            int colon = text.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            try {
                Instant at = Instant.EPOCH.plus(Long.parseLong(text.substring(0, colon)), ChronoUnit.MICROS);
                return SessionId.parse(text.substring(colon + 1)).map(id -> new SessionCursor(at, id));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        });
    }
}
