package io.chatstream.query.history.domain;

/**
 * What an answer ended as, as the read model shows it: its final {@link AnswerStatus status}, text, the model's
 * reasoning before it (thinking models; empty otherwise), finish reason, error, token usage and the model that answered. Which final answer
 * wins when several arrive (duplicates, DLQ replays, out-of-order events) is decided by {@link #supersedes(String)};
 * text and reasoning always travel together, so the winner's reasoning is never mixed with another's text.
 */
public record FinalAnswer(
        String status, String text, String reasoning, String finishReason, String errorCode, String errorMessage,
        int inputTokens, int outputTokens, String model) {

    /** Without the model's name (unknown). */
    public FinalAnswer(String status, String text, String reasoning, String finishReason, String errorCode,
            String errorMessage, int inputTokens, int outputTokens) {
        this(status, text, reasoning, finishReason, errorCode, errorMessage, inputTokens, outputTokens, "");
    }

    public FinalAnswer {
        model = model == null ? "" : model;
        if (!AnswerStatus.isFinal(status)) {
            throw new IllegalArgumentException("not a final answer status: " + status);
        }
        text = text == null ? "" : text;
        reasoning = reasoning == null ? "" : reasoning;
    }

    /**
     * True when this answer must replace a stored message of status {@code existing} (null = none stored).
     * A placeholder always gives way, a later success replaces a failure (DLQ replay), and an answer of the
     * same rank changes nothing, so a duplicate event is a no-op.
     */
    public boolean supersedes(String existing) {
        return existing == null || AnswerStatus.rank(status) > AnswerStatus.rank(existing);
    }
}
