package io.chatstream.query.streaming.application;

import io.chatstream.query.streaming.domain.StreamChunk;

/** Where one reader's answer chunks go (a gRPC stream in production). */
public interface ChunkSink {

    /** Sends one chunk; a final chunk also ends the stream. */
    void send(StreamChunk chunk);

    /** Ends the stream without a further chunk: the reader already holds the final one. */
    void end();

    /** False while the reader cannot take more without buffering; producers then pause. */
    default boolean isReady() {
        return true;
    }

    /** Runs {@code action} whenever the reader becomes ready again after {@link #isReady()} said false. */
    default void whenReady(Runnable action) {
    }

    /** Runs {@code action} once when the reader goes away, so producers drop it without polling. */
    default void whenCancelled(Runnable action) {
    }

    /** The reader went away: stop producing for it. */
    boolean isCancelled();
}
