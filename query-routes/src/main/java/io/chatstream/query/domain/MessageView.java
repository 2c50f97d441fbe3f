package io.chatstream.query.domain;

import java.time.Instant;

/** One message of a session's history. */
public record MessageView(
        String requestId, MessageCursor.Role role, int turn, String content, String status, String finishReason,
        String errorCode, String errorMessage, int inputTokens, int outputTokens, Instant createdAt) {

    public MessageCursor position() {
        return new MessageCursor(turn, role);
    }
}
