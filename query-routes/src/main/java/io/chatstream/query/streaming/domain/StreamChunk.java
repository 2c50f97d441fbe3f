package io.chatstream.query.streaming.domain;

import io.chatstream.query.history.domain.AnswerStatus;

/**
 * One piece of an answer as it is streamed to a reader: a stream entry, a heartbeat or a synthesized end. A kind
 * this context does not know is relayed as it is (kind, seq, attempt), counted like any entry and never final.
 */
public record StreamChunk(
        String kind, long seq, String text, int attempt, String status, String finishReason,
        int inputTokens, int outputTokens, String errorCode, String errorMessage) {

    public static final String TOKEN = "token";
    /** A piece of the model's reasoning before its answer (thinking models): text, but not the answer's. */
    public static final String THINKING = "thinking";
    public static final String RESET = "reset";
    public static final String DONE = "done";
    public static final String ERROR = "error";
    public static final String HEARTBEAT = "heartbeat";
    public static final String STREAM_TIMEOUT = "STREAM_TIMEOUT";

    public boolean isFinal() {
        return DONE.equals(kind) || ERROR.equals(kind);
    }

    /** Whether its text is for the reader: a piece of the answer or of the reasoning before it. */
    public boolean carriesText() {
        return TOKEN.equals(kind) || THINKING.equals(kind);
    }

    public static StreamChunk heartbeat(long lastSeq) {
        return new StreamChunk(HEARTBEAT, lastSeq, "", 0, "", "", 0, 0, "", "");
    }

    public static StreamChunk timedOut(long lastSeq) {
        return new StreamChunk(ERROR, lastSeq + 1, "", 0, AnswerStatus.FAILED, "", 0, 0, STREAM_TIMEOUT,
                "the answer stream did not progress in time");
    }
}
