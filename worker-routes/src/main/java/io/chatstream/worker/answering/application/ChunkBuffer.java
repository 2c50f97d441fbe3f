package io.chatstream.worker.answering.application;

import java.util.Optional;

/**
 * Collects the pieces of one attempt until they are due, so a fast model does not cost one
 * Redis write per token. The first piece of an attempt is never held back: it is what the user
 * waits for (time to first token). Nor is a piece that comes a whole window after the last write:
 * holding it would only add latency (a model at 20 pieces/s would see every piece delayed by the
 * window) without saving a write. Times are plain milliseconds so tests need no clock.
 */
final class ChunkBuffer {

    private final Coalescing coalescing;
    private final StringBuilder pending = new StringBuilder();
    private boolean sentInAttempt;
    private long lastWriteAt;
    private long dueAt;

    ChunkBuffer(Coalescing coalescing) {
        this.coalescing = coalescing;
    }

    /** A new attempt starts: its first piece goes out at once again. */
    void restart() {
        pending.setLength(0);
        sentInAttempt = false;
    }

    /** Adds a piece; returns the text to write now, if any. */
    Optional<String> add(String piece, long nowMs) {
        if (piece == null || piece.isEmpty()) {
            return Optional.empty();
        }
        long window = coalescing.window().toMillis();
        if (!coalescing.enabled() || !sentInAttempt || pending.isEmpty() && nowMs - lastWriteAt >= window) {
            sentInAttempt = true;
            lastWriteAt = nowMs;
            return Optional.of(pending.isEmpty() ? piece : drain() + piece);
        }
        if (pending.isEmpty()) {
            // At most one write per window: the held text goes one window after the last write.
            dueAt = lastWriteAt + window;
        }
        pending.append(piece);
        if (pending.length() >= coalescing.maxChars() && coalescing.maxChars() > 0) {
            lastWriteAt = nowMs;
            return Optional.of(drain());
        }
        return Optional.empty();
    }

    /** Milliseconds until the held text is due, or -1 when nothing is held. */
    long millisUntilDue(long nowMs) {
        return pending.isEmpty() ? -1 : Math.max(0, dueAt - nowMs);
    }

    /** The held text when its window has passed. */
    Optional<String> due(long nowMs) {
        if (!pending.isEmpty() && nowMs >= dueAt) {
            lastWriteAt = nowMs;
            return Optional.of(drain());
        }
        return Optional.empty();
    }

    /** Everything held, e.g. before a terminal or reset entry. */
    Optional<String> flush() {
        return pending.isEmpty() ? Optional.empty() : Optional.of(drain());
    }

    private String drain() {
        String text = pending.toString();
        pending.setLength(0);
        return text;
    }
}
