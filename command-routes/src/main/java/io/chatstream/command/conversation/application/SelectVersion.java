package io.chatstream.command.conversation.application;

/** A request to show another version of a turn, exactly as it arrived: {@code requestId} names the version. */
public record SelectVersion(String userId, String requestId, String traceId) {
}
