package io.chatstream.contracts;

/** Values of the {@code status} field of AnswerCompleted, stream entries and message views. */
public final class AnswerStatus {

    public static final String QUEUED = "queued";
    public static final String STREAMING = "streaming";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";

    private AnswerStatus() {
    }
}
