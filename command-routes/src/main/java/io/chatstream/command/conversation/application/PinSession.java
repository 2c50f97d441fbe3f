package io.chatstream.command.conversation.application;

/** Input of the pin use case, as received (unvalidated): {@code pinned} false unpins. */
public record PinSession(String userId, String sessionId, boolean pinned, String traceId) {
}
