package io.chatstream.command.application;

/** Input of the rename use case, as received (unvalidated). */
public record RenameSession(String userId, String sessionId, String title, String traceId) {
}
