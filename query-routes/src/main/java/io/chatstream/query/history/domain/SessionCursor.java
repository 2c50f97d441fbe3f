package io.chatstream.query.history.domain;

import io.chatstream.domain.SessionId;
import java.time.Instant;
import java.util.Optional;

/**
 * Position after a session in the list (pinned first, then newest first): whether it is pinned, its
 * updated_at and id. Opaque to clients. A cursor issued before pins existed (no flag) reads as unpinned:
 * then nothing was pinned, so it still marks the same place and a list open across the upgrade keeps paging.
 */
public record SessionCursor(boolean pinned, Instant updatedAt, SessionId sessionId) {

    /** A position among the unpinned sessions. */
    public SessionCursor(Instant updatedAt, SessionId sessionId) {
        this(false, updatedAt, sessionId);
    }

    public String encode() {
        return Cursors.encode((pinned ? "1" : "0") + ":" + Cursors.micros(updatedAt) + ":" + sessionId.value());
    }

    /** Empty when {@code token} was not produced by {@link #encode()} (now, or before pins existed). */
    public static Optional<SessionCursor> decode(String token) {
        return Cursors.decode(token).flatMap(text -> {
            String[] parts = text.split(":", -1);
            if (parts.length == 2) {
                return position(false, parts[0], parts[1]);
            }
            if (parts.length == 3 && (parts[0].equals("0") || parts[0].equals("1"))) {
                return position(parts[0].equals("1"), parts[1], parts[2]);
            }
            return Optional.empty();
        });
    }

    private static Optional<SessionCursor> position(boolean pinned, String micros, String id) {
        return Cursors.instantOfMicros(micros)
                .flatMap(at -> SessionId.parse(id).map(sessionId -> new SessionCursor(pinned, at, sessionId)));
    }
}
