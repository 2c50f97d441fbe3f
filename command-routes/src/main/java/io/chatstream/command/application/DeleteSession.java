package io.chatstream.command.application;

/** Input of the delete use case, as received (unvalidated). */
public record DeleteSession(String userId, String sessionId, String traceId) {
}
