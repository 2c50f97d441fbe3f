package io.chatstream.gateway.backend.application;

import java.time.Instant;

/** One line of the caller's conversation list. */
public record SessionSummary(String sessionId, String title, Instant updatedAt, Instant createdAt, int messageCount) {
}
