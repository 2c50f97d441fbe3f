package io.chatstream.query.projection.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a session (from chat.session.changed): renamed (by its owner or the model), deleted, pinned or
 * unpinned, or the owner chose a version to show.
 */
public sealed interface SessionChange permits SessionChange.Renamed, SessionChange.Deleted,
        SessionChange.Pinned, SessionChange.VersionSelected {

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

    /** The owner pinned the session ({@code pinned}) or unpinned it; the latest change wins. */
    record Pinned(SessionId sessionId, UserId userId, boolean pinned, Instant occurredAt) implements SessionChange {
    }

    /** The session now shows the branch ending at {@code head}, as of its version {@code sessionVersion}. */
    record VersionSelected(SessionId sessionId, UserId userId, String head, long sessionVersion, Instant occurredAt)
            implements SessionChange {
        public VersionSelected {
            Objects.requireNonNull(head);
        }
    }
}
