package io.chatstream.command.conversation.application;

/** A request to stop the answer to a prompt, exactly as it arrived. */
public record CancelPrompt(String userId, String requestId, String traceId) {
}
