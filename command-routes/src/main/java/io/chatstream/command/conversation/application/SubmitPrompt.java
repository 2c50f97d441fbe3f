package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.AnswerOptions;

/**
 * A request to add a prompt to a session, exactly as it arrived (nothing checked yet); {@code options}:
 * the model the person chose and whether it should think before answering; {@code versionOf}: the request
 * id of a prompt this one is a new version of (blank: a new turn); with it, a blank prompt means the same text.
 */
public record SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId,
        AnswerOptions options, String versionOf) {

    public SubmitPrompt {
        options = options == null ? AnswerOptions.DEFAULT : options;
    }

    /** A new turn after the one shown. */
    public SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId,
            AnswerOptions options) {
        this(userId, sessionId, prompt, requestId, traceId, options, null);
    }

    /** The default model, without thinking. */
    public SubmitPrompt(String userId, String sessionId, String prompt, String requestId, String traceId) {
        this(userId, sessionId, prompt, requestId, traceId, AnswerOptions.DEFAULT);
    }
}
