package io.chatstream.command.conversation.application;

/** Input of the rename use case, as received (unvalidated). */
public record RenameSession(String userId, String sessionId, String title, String traceId) {
}
