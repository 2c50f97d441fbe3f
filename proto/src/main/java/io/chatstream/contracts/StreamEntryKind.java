package io.chatstream.contracts;

/** Values of the {@code kind} field of an answer stream entry and of an AnswerChunk. */
public final class StreamEntryKind {

    public static final String TOKEN = "token";
    /** A piece of the model's reasoning before its answer (thinking models); shown apart, never answer text. */
    public static final String THINKING = "thinking";
    public static final String RESET = "reset";
    public static final String DONE = "done";
    public static final String ERROR = "error";
    /** Only on gRPC AnswerChunk: the stream is alive but has nothing new. Never stored in Redis. */
    public static final String HEARTBEAT = "heartbeat";

    private StreamEntryKind() {
    }

    public static boolean isTerminal(String kind) {
        return DONE.equals(kind) || ERROR.equals(kind);
    }
}
