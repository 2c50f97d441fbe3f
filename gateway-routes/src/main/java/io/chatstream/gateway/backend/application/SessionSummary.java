package io.chatstream.gateway.backend.application;

import java.time.Instant;

/** One line of the caller's conversation list; {@code pinned} ones come first. */
public record SessionSummary(String sessionId, String title, Instant updatedAt, Instant createdAt, int messageCount,
        boolean pinned) {

    /** A conversation its owner has not pinned. */
    public SessionSummary(String sessionId, String title, Instant updatedAt, Instant createdAt, int messageCount) {
        this(sessionId, title, updatedAt, createdAt, messageCount, false);
    }
}
