package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.AnswerOptions;

/**
 * A request to add a prompt to a session, exactly as it arrived (nothing checked yet); {@code options}:
 * the model the person chose and whether it should think before answering.
 */
public record SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId,
        AnswerOptions options) {

    public SubmitPrompt {
        options = options == null ? AnswerOptions.DEFAULT : options;
    }

    /** The default model, without thinking. */
    public SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId) {
        this(userId, sessionId, prompt, requestId, traceId, AnswerOptions.DEFAULT);
    }
}
