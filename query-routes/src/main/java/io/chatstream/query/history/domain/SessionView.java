package io.chatstream.query.history.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.Comparator;

/** One entry of a user's session list; the owner keeps {@code pinned} ones on top. */
public record SessionView(
        SessionId sessionId, UserId userId, String title, Instant createdAt, Instant updatedAt, int messageCount,
        boolean deleted, boolean pinned) {

    /** The list's order: pinned first, then the most recently active, ties by id (descending), as the cursor. */
    public static final Comparator<SessionView> LIST_ORDER = Comparator.comparing(SessionView::pinned)
            .thenComparing(SessionView::updatedAt).thenComparing(s -> s.sessionId().value()).reversed();

    /** A session its owner has not pinned. */
    public SessionView(SessionId sessionId, UserId userId, String title, Instant createdAt, Instant updatedAt,
            int messageCount, boolean deleted) {
        this(sessionId, userId, title, createdAt, updatedAt, messageCount, deleted, false);
    }

    public SessionCursor position() {
        return new SessionCursor(pinned, updatedAt, sessionId);
    }

    /** Whether this session comes after {@code cursor} in the list's order. */
    public boolean isAfter(SessionCursor cursor) {
        if (pinned != cursor.pinned()) {
            return cursor.pinned();
        }
        int byTime = updatedAt.compareTo(cursor.updatedAt());
        return byTime < 0 || (byTime == 0 && sessionId.value().compareTo(cursor.sessionId().value()) < 0);
    }

    public boolean visibleTo(UserId user) {
        return !deleted && userId.equals(user);
    }
}
