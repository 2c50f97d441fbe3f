package io.chatstream.query.streaming.infrastructure;

import io.chatstream.query.streaming.application.ChunkSink;
import io.chatstream.query.streaming.domain.StreamChunk;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A reader of an answer stream for tests: records what it is sent; readiness and cancellation are set by the test. */
final class RecordingChunkSink implements ChunkSink {

    final List<StreamChunk> sent = new CopyOnWriteArrayList<>();
    volatile boolean ended;
    volatile boolean cancelled;
    volatile boolean ready = true;
    volatile Runnable onReady = () -> { };
    private volatile Runnable onCancel = () -> { };

    /** The seqs sent, heartbeats left out. */
    List<Long> seqs() {
        return sent.stream().filter(c -> !StreamChunk.HEARTBEAT.equals(c.kind())).map(StreamChunk::seq).toList();
    }

    /** The caller goes away, as gRPC reports it. */
    void cancel() {
        cancelled = true;
        onCancel.run();
    }

    @Override
    public void send(StreamChunk chunk) {
        sent.add(chunk);
    }

    @Override
    public void end() {
        ended = true;
    }

    @Override
    public boolean isReady() {
        return ready;
    }

    @Override
    public void whenReady(Runnable action) {
        onReady = action;
    }

    @Override
    public void whenCancelled(Runnable action) {
        onCancel = action;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
