package io.chatstream.gateway.backend.application;

/** One piece of a streamed answer, as the browser sees it. {@code seq} orders them without gaps. */
public sealed interface AnswerEvent {

    long seq();

    /** A piece of answer text. */
    record Token(long seq, String text) implements AnswerEvent {
    }

    /**
     * A piece of the model's reasoning before its answer (a prompt sent with thinking, on a model that can): shown
     * apart from the answer, never part of its text. Has its own seq like a token, so a resume passes it too.
     */
    record Thinking(long seq, String text) implements AnswerEvent {
    }

    /** The provider was retried: the text and the reasoning shown so far are void, a new attempt follows. */
    record Reset(long seq, int attempt) implements AnswerEvent {
    }

    /** The answer ended normally ("completed") or by a stop ("stopped"). Final. */
    record Done(long seq, String status, String finishReason, TokenUsage usage) implements AnswerEvent {
    }

    /** The answer failed for good. Final. */
    record Failed(long seq, String code, String message) implements AnswerEvent {
    }

    /** Nothing new, but the stream is alive; repeats the last seq. */
    record Heartbeat(long seq) implements AnswerEvent {
    }

    default boolean isFinal() {
        return this instanceof Done || this instanceof Failed;
    }
}
