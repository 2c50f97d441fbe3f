package io.chatstream.command.conversation.application;

/** A question whether the caller's prompt was accepted, exactly as it arrived. */
public record GetPromptStatus(String userId, String requestId, String traceId) {
}
