package io.chatstream.gateway.backend.application;

import java.time.Instant;

/** One message of the caller's that a search found: where it is, and a snippet of it around the terms. */
public record SearchHit(
        String sessionId, String sessionTitle, String requestId, String role, int turn, String snippet,
        Instant createdAt) {
}
