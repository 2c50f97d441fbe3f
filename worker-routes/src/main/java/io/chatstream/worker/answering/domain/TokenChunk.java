package io.chatstream.worker.answering.domain;

/** A piece of the answer text, numbered in the stream and tagged with its attempt. */
public record TokenChunk(long seq, int attempt, String text) implements StreamEntry {
}
