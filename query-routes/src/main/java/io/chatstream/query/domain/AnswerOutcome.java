package io.chatstream.query.domain;

/**
 * The outcome of one answer as the read model shows it.
 * Which outcome wins when several arrive (duplicates, DLQ replays, out-of-order events) is decided by
 * {@link #supersedes(String)}.
 */
public record AnswerOutcome(
        String status, String text, String finishReason, String errorCode, String errorMessage,
        int inputTokens, int outputTokens) {

    public static final String QUEUED = "queued";
    public static final String STREAMING = "streaming";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";

    public AnswerOutcome {
        if (rank(status) < 1) {
            throw new IllegalArgumentException("not a final answer status: " + status);
        }
        text = text == null ? "" : text;
    }

    /**
     * True when this outcome must replace a stored message of status {@code existing} (null = none stored).
     * A placeholder always gives way, a later success replaces a failure (DLQ replay), and an outcome of the
     * same rank changes nothing, so a duplicate event is a no-op.
     */
    public boolean supersedes(String existing) {
        return existing == null || rank(status) > rank(existing);
    }

    public static boolean isFinal(String status) {
        return rank(status) >= 1;
    }

    private static int rank(String status) {
        if (status == null) {
            return -1;
        }
        return switch (status) {
            case QUEUED, STREAMING -> 0;
            case FAILED -> 1;
            case COMPLETED, STOPPED -> 2;
            default -> -1;
        };
    }
}
