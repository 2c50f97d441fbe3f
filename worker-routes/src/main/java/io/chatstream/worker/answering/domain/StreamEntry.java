package io.chatstream.worker.answering.domain;

/**
 * One entry of an answer's token stream. {@code seq} grows by one per entry across attempts,
 * so a reader can resume with "entries after seq N".
 */
public sealed interface StreamEntry permits TokenChunk, StreamEntry.Thinking, StreamEntry.Reset, StreamEntry.Done,
        StreamEntry.Error {

    long seq();

    int attempt();

    /** A piece of the model's reasoning before its answer: shown apart, never part of the answer text. */
    record Thinking(long seq, int attempt, String text) implements StreamEntry {
    }

    /** Readers discard the text and reasoning received so far: a new attempt starts (or the text is withdrawn). */
    record Reset(long seq, int attempt) implements StreamEntry {
    }

    /** The answer ended normally or was stopped; terminal. */
    record Done(long seq, int attempt, TaskState status, String finishReason, Usage usage) implements StreamEntry {
    }

    /** The answer failed for good; terminal. */
    record Error(long seq, int attempt, String code, String message) implements StreamEntry {
    }
}
