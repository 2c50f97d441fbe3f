package io.chatstream.gateway.backend.application;

import java.time.Instant;
import java.util.List;

/**
 * One message of a session's history: a user prompt or an assistant answer with its status. {@code reasoning}: an
 * answer's reasoning before its text (a prompt sent with thinking), empty otherwise; {@code model}: the model
 * that answered (empty for prompts and when unknown); {@code versions}: the request ids of every version of its
 * turn, oldest first, this one among them.
 */
public record MessageEntry(
        String requestId,
        String role,
        String content,
        String status,
        Instant createdAt,
        int turn,
        String finishReason,
        String errorCode,
        String errorMessage,
        TokenUsage usage,
        String reasoning,
        String model,
        List<String> versions) {

    public MessageEntry {
        versions = versions == null || versions.isEmpty() ? List.of(requestId) : List.copyOf(versions);
    }

    /** Without the model's name. */
    public MessageEntry(String requestId, String role, String content, String status, Instant createdAt, int turn,
            String finishReason, String errorCode, String errorMessage, TokenUsage usage, String reasoning) {
        this(requestId, role, content, status, createdAt, turn, finishReason, errorCode, errorMessage, usage, reasoning,
                "", List.of());
    }
}
