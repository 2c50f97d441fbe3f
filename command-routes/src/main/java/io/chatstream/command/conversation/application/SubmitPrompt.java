package io.chatstream.command.conversation.application;

/** A request to add a prompt to a session, exactly as it arrived (nothing checked yet). */
public record SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId) {
}
