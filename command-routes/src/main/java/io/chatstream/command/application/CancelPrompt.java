package io.chatstream.command.application;

/** A request to stop the answer to a prompt, exactly as it arrived. */
public record CancelPrompt(String userId, String requestId, String traceId) {
}
