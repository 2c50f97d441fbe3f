package io.chatstream.query.streaming.application;

import io.chatstream.query.streaming.domain.StoredAnswer;
import io.chatstream.query.streaming.domain.StreamChunk;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a STREAM_TIMEOUT of a stream that never delivered anything into a replay of the stored answer, when
 * there is one by then: the answer may have finished, and its stream expired, while this reader waited.
 */
final class ReplayOnTimeout implements ChunkSink {

    private final ChunkSink delegate;
    private final long afterSeq;
    private final Supplier<Optional<StoredAnswer>> stored;
    private volatile boolean delivered;

    ReplayOnTimeout(ChunkSink delegate, long afterSeq, Supplier<Optional<StoredAnswer>> stored) {
        this.delegate = delegate;
        this.afterSeq = afterSeq;
        this.stored = stored;
    }

    @Override
    public void send(StreamChunk chunk) {
        if (!delivered && chunk.isFinal() && StreamChunk.STREAM_TIMEOUT.equals(chunk.errorCode())) {
            Optional<StoredAnswer> answer = lookUp();
            if (answer.isPresent()) {
                List<StreamChunk> replay = answer.get().replayAfter(afterSeq);
                replay.forEach(delegate::send);
                if (replay.isEmpty()) {
                    delegate.end();
                }
                return;
            }
        }
        if (!delivered && !StreamChunk.HEARTBEAT.equals(chunk.kind())) {
            delivered = true;
        }
        delegate.send(chunk);
    }

    /** A failed look-up must not swallow the timeout: the reader still gets its final chunk. */
    private Optional<StoredAnswer> lookUp() {
        try {
            return stored.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void end() {
        delegate.end();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void whenReady(Runnable action) {
        delegate.whenReady(action);
    }

    @Override
    public void whenCancelled(Runnable action) {
        delegate.whenCancelled(action);
    }

    @Override
    public boolean isCancelled() {
        return delegate.isCancelled();
    }
}
