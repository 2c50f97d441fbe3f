package io.chatstream.query.history.domain;

import java.time.Instant;

/**
 * One message of a session's history; {@code reasoning} is the model's, before an answer (empty otherwise);
 * {@code model} the model that answered (empty for prompts and when unknown).
 */
public record MessageView(
        String requestId, MessageCursor.Role role, int turn, String content, String reasoning, String status,
        String finishReason, String errorCode, String errorMessage, int inputTokens, int outputTokens,
        Instant createdAt, String model) {

    /** Without the model's name (a prompt, or unknown). */
    public MessageView(String requestId, MessageCursor.Role role, int turn, String content, String reasoning,
            String status, String finishReason, String errorCode, String errorMessage, int inputTokens,
            int outputTokens, Instant createdAt) {
        this(requestId, role, turn, content, reasoning, status, finishReason, errorCode, errorMessage, inputTokens,
                outputTokens, createdAt, "");
    }

    public MessageView {
        reasoning = reasoning == null ? "" : reasoning;
        model = model == null ? "" : model;
    }

    /** The same message with another status. */
    public MessageView withStatus(String newStatus) {
        return new MessageView(requestId, role, turn, content, reasoning, newStatus, finishReason, errorCode,
                errorMessage, inputTokens, outputTokens, createdAt, model);
    }

    public MessageCursor position() {
        return new MessageCursor(turn, role);
    }
}
