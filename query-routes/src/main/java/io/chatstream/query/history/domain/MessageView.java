package io.chatstream.query.history.domain;

import java.time.Instant;
import java.util.List;

/**
 * One message of a session's history; {@code reasoning} is the model's, before an answer (empty otherwise);
 * {@code model} the model that answered (empty for prompts and when unknown); {@code versions} the request ids
 * of every version of its turn, oldest first, this one among them (just this one when the turn has no other).
 */
public record MessageView(
        String requestId, MessageCursor.Role role, int turn, String content, String reasoning, String status,
        String finishReason, String errorCode, String errorMessage, int inputTokens, int outputTokens,
        Instant createdAt, String model, List<String> versions) {

    /** Of a turn with no other version. */
    public MessageView(String requestId, MessageCursor.Role role, int turn, String content, String reasoning,
            String status, String finishReason, String errorCode, String errorMessage, int inputTokens,
            int outputTokens, Instant createdAt, String model) {
        this(requestId, role, turn, content, reasoning, status, finishReason, errorCode, errorMessage, inputTokens,
                outputTokens, createdAt, model, List.of(requestId));
    }

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
        versions = versions == null || versions.isEmpty() ? List.of(requestId) : List.copyOf(versions);
    }

    /** The same message with another status. */
    public MessageView withStatus(String newStatus) {
        return new MessageView(requestId, role, turn, content, reasoning, newStatus, finishReason, errorCode,
                errorMessage, inputTokens, outputTokens, createdAt, model, versions);
    }

    /** The same message, one of {@code all} versions of its turn. */
    public MessageView withVersions(List<String> all) {
        return new MessageView(requestId, role, turn, content, reasoning, status, finishReason, errorCode,
                errorMessage, inputTokens, outputTokens, createdAt, model, all);
    }

    public MessageCursor position() {
        return new MessageCursor(turn, role);
    }
}
