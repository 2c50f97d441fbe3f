package io.chatstream.worker.answering.domain;

/**
 * One entry of an answer's token stream. {@code seq} grows by one per entry across attempts,
 * so a reader can resume with "entries after seq N".
 */
public sealed interface StreamEntry permits TokenChunk, StreamEntry.Reset, StreamEntry.Done, StreamEntry.Error {

    long seq();

    int attempt();

    /** Readers discard the text received so far: a new attempt starts. */
    record Reset(long seq, int attempt) implements StreamEntry {
    }

    /** The answer ended normally or was stopped; terminal. */
    record Done(long seq, int attempt, TaskState status, String finishReason, Usage usage) implements StreamEntry {
    }

    /** The answer failed for good; terminal. */
    record Error(long seq, int attempt, String code, String message) implements StreamEntry {
    }
}
