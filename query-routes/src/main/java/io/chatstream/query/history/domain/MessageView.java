package io.chatstream.query.history.domain;

import java.time.Instant;

/** One message of a session's history. */
public record MessageView(
        String requestId, MessageCursor.Role role, int turn, String content, String status, String finishReason,
        String errorCode, String errorMessage, int inputTokens, int outputTokens, Instant createdAt) {

    /** The same message with another status. */
    public MessageView withStatus(String newStatus) {
        return new MessageView(requestId, role, turn, content, newStatus, finishReason, errorCode, errorMessage,
                inputTokens, outputTokens, createdAt);
    }

    public MessageCursor position() {
        return new MessageCursor(turn, role);
    }
}
