package io.chatstream.gateway.backend.application;

import java.time.Instant;

/** The command service took the prompt; the answer will stream under {@code requestId}. */
public record PromptAccepted(String requestId, String sessionId, Instant acceptedAt, String status, int turn) {
}
