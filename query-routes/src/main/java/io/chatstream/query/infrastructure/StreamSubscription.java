package io.chatstream.query.infrastructure;

import io.chatstream.query.application.ChunkSink;
import io.chatstream.query.domain.StreamChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader of one answer stream. The reader thread and the ticker both touch it, hence the locking;
 * every send is non-blocking (gRPC buffers), and a reader that is not ready pauses its own reads only.
 */
final class StreamSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSubscription.class);

    final String key;
    private final ChunkSink sink;
    private String lastId = StreamIds.START;
    private long lastSentSeq;
    private long lastActivityNanos;
    private long lastSentNanos;
    private volatile boolean paused;
    private volatile boolean closed;

    StreamSubscription(String key, long afterSeq, ChunkSink sink, long nowNanos) {
        this.key = key;
        this.sink = sink;
        this.lastSentSeq = afterSeq;
        this.lastActivityNanos = nowNanos;
        this.lastSentNanos = nowNanos;
    }

    synchronized String lastId() {
        return lastId;
    }

    boolean readable() {
        return !closed && !paused;
    }

    boolean closed() {
        return closed;
    }

    /** Handles one stream entry; entries the reader already has are skipped, the final one ends the stream. */
    synchronized void offer(String id, StreamChunk chunk, long nowNanos) {
        if (closed || StreamIds.compare(id, lastId) <= 0) {
            return;
        }
        lastId = id;
        lastActivityNanos = nowNanos;
        if (chunk.seq() > lastSentSeq) {
            send(chunk, nowNanos);
        } else if (chunk.isFinal()) {
            closed = true;
            safely(sink::end);
        }
    }

    /** Heartbeats and the inactivity timeout; returns false once the subscription is over. */
    synchronized boolean tick(long nowNanos, long heartbeatNanos, long timeoutNanos) {
        if (closed) {
            return false;
        }
        if (sink.isCancelled()) {
            closed = true;
            return false;
        }
        if (paused && sink.isReady()) {
            // Covers a readiness signal that raced with pausing.
            paused = false;
        }
        if (nowNanos - lastActivityNanos >= timeoutNanos) {
            send(StreamChunk.timedOut(lastSentSeq), nowNanos);
            return false;
        }
        if (nowNanos - lastSentNanos >= heartbeatNanos && sink.isReady()) {
            send(StreamChunk.heartbeat(lastSentSeq), nowNanos);
        }
        return !closed;
    }

    /** Called by the transport when a paused reader can take more. */
    void resume() {
        paused = false;
    }

    private void send(StreamChunk chunk, long nowNanos) {
        if (sink.isCancelled()) {
            closed = true;
            return;
        }
        try {
            sink.send(chunk);
        } catch (RuntimeException e) {
            LOG.debug("answer stream reader of {} went away: {}", key, e.toString());
            closed = true;
            // If the call is still open, do not leave it hanging.
            safely(sink::end);
            return;
        }
        lastSentNanos = nowNanos;
        if (!StreamChunk.HEARTBEAT.equals(chunk.kind())) {
            lastSentSeq = chunk.seq();
        }
        if (chunk.isFinal()) {
            closed = true;
        } else if (!sink.isReady()) {
            paused = true;
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.debug("answer stream reader of {} went away: {}", key, e.toString());
        }
    }
}
