package io.chatstream.query.projection.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** What happened to a session (from chat.session.changed): renamed (by its owner or the model) or deleted. */
public sealed interface SessionChange permits SessionChange.Renamed, SessionChange.Deleted {

    SessionId sessionId();

    UserId userId();

    Instant occurredAt();

    /**
     * A new title, which outranks the title taken from the first prompt: the owner's own, or
     * ({@code generated}) one the model suggested, which the owner's own always outranks in turn.
     */
    record Renamed(SessionId sessionId, UserId userId, String title, Instant occurredAt, boolean generated)
            implements SessionChange {
        public Renamed {
            Objects.requireNonNull(title);
        }

        /** The owner's own title. */
        public Renamed(SessionId sessionId, UserId userId, String title, Instant occurredAt) {
            this(sessionId, userId, title, occurredAt, false);
        }
    }

    /** Final: the session and everything in it vanish, later events of it are ignored. */
    record Deleted(SessionId sessionId, UserId userId, Instant occurredAt) implements SessionChange {
    }
}
