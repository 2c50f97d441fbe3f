package io.chatstream.query.streaming.infrastructure;

import io.chatstream.query.streaming.application.ChunkSink;
import io.chatstream.query.streaming.domain.StreamChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader of one answer stream. The reader thread and the ticker both send to it, hence the locking;
 * every send is non-blocking (gRPC buffers), and a reader that is not ready pauses its own reads only.
 * Its position, pause and activity times are volatile so that planning a read and the ticker's "is anything
 * due?" look at it without taking its lock.
 */
final class StreamSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSubscription.class);

    final String key;
    private final ChunkSink sink;
    private volatile StreamId lastId = StreamId.START;
    private long lastSentSeq;
    private volatile long lastActivityNanos;
    private volatile long lastSentNanos;
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile StreamSubscriptions siblings;
    private boolean detached;

    StreamSubscription(String key, long afterSeq, ChunkSink sink, long nowNanos) {
        this.key = key;
        this.sink = sink;
        this.lastSentSeq = afterSeq;
        this.lastActivityNanos = nowNanos;
        this.lastSentNanos = nowNanos;
    }

    StreamId lastId() {
        return lastId;
    }

    boolean readable() {
        return !closed && !paused;
    }

    boolean closed() {
        return closed;
    }

    /** The subscriptions of its answer stream, which it joined: told when it stops or starts being readable. */
    void joined(StreamSubscriptions subscriptions) {
        this.siblings = subscriptions;
    }

    /** True exactly once: the caller then takes it out of its key's readers. */
    synchronized boolean detach() {
        if (detached) {
            return false;
        }
        detached = true;
        return true;
    }

    /** Handles one stream entry; entries the reader already has are skipped, the final one ends the stream. */
    synchronized void offer(StreamId id, StreamChunk chunk, long nowNanos) {
        if (closed || !id.isAfter(lastId)) {
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

    /**
     * Whether {@link #tick} has anything to do: a heartbeat or the timeout is due, the reader is paused (its
     * readiness signal may have raced with pausing) or it is over. Lock-free, so the ticker can skip the rest.
     */
    boolean due(long nowNanos, long heartbeatNanos, long timeoutNanos) {
        return closed || paused || nowNanos - lastSentNanos >= heartbeatNanos
                || nowNanos - lastActivityNanos >= timeoutNanos;
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
            resume();
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

    /**
     * Called by the transport when the reader can take more; true if it was paused. gRPC signals readiness far
     * more often than a reader pauses, and only a real resume needs its key re-planned and the reader woken.
     */
    boolean resume() {
        if (!paused) {
            return false;
        }
        paused = false;
        changed();
        return true;
    }

    /** Called by the transport when the reader went away: nothing more is sent. */
    void cancel() {
        closed = true;
        changed();
    }

    private void changed() {
        StreamSubscriptions g = siblings;
        if (g != null) {
            g.changed();
        }
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
            changed();
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
