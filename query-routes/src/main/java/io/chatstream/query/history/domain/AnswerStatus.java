package io.chatstream.query.history.domain;

/**
 * The status of an answer (the assistant message of a request) as the history shows it: {@code queued} until the
 * worker starts, {@code streaming} while its live stream runs, then one of the final statuses {@code completed},
 * {@code failed} or {@code stopped}. The rank orders them for {@link FinalAnswer#supersedes(String)}.
 */
public final class AnswerStatus {

    public static final String QUEUED = "queued";
    public static final String STREAMING = "streaming";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";

    private AnswerStatus() {
    }

    public static boolean isFinal(String status) {
        return rank(status) >= 1;
    }

    /** Placeholders 0, a failure 1, a success 2; -1 for anything else (null included). */
    static int rank(String status) {
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
