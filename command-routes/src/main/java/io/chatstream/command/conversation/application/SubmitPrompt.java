package io.chatstream.command.conversation.application;

/**
 * A request to add a prompt to a session, exactly as it arrived (nothing checked yet); {@code thinking}:
 * the person asked the model to think before answering.
 */
public record SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId,
        boolean thinking) {

    /** Without thinking. */
    public SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId) {
        this(userId, sessionId, prompt, requestId, traceId, false);
    }
}
