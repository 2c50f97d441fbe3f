package io.chatstream.command.conversation.application;

/** Input of the delete use case, as received (unvalidated). */
public record DeleteSession(String userId, String sessionId, String traceId) {
}
