package io.chatstream.query.projection.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/** What the owner did to a session (from chat.session.changed): renamed it, deleted it, or chose a version to show. */
public sealed interface SessionChange permits SessionChange.Renamed, SessionChange.Deleted,
        SessionChange.VersionSelected {

    SessionId sessionId();

    UserId userId();

    Instant occurredAt();

    /** The owner's own title, which outranks the title taken from the first prompt. */
    record Renamed(SessionId sessionId, UserId userId, String title, Instant occurredAt) implements SessionChange {
        public Renamed {
            Objects.requireNonNull(title);
        }
    }

    /** Final: the session and everything in it vanish, later events of it are ignored. */
    record Deleted(SessionId sessionId, UserId userId, Instant occurredAt) implements SessionChange {
    }

    /** The session now shows the branch ending at {@code head}, as of its version {@code sessionVersion}. */
    record VersionSelected(SessionId sessionId, UserId userId, String head, long sessionVersion, Instant occurredAt)
            implements SessionChange {
        public VersionSelected {
            Objects.requireNonNull(head);
        }
    }
}
