package io.chatstream.query.streaming.infrastructure;

import io.chatstream.query.streaming.domain.StreamChunk;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The subscriptions of one answer stream key. Membership is copy-on-write (joins and leaves are rare next to
 * reads); which readers are readable and the lowest position among them are recomputed only after something
 * changed (a join, leave, pause or resume), so planning a key costs nothing per reader; a dispatched entry just
 * moves the position on.
 *
 * <p>{@link #plan()} and {@link #dispatch} run on the single reader thread only: the readers planned for a read
 * are exactly the ones its entries go to (see {@link RedisAnswerStreams}).
 */
final class StreamSubscriptions {

    private static final StreamSubscription[] NONE = new StreamSubscription[0];

    final String key;
    private volatile StreamSubscription[] members = NONE;
    private volatile boolean dirty = true;
    // Reader thread only.
    private StreamSubscription[] readable = NONE;
    private StreamId from = StreamId.START;
    private StreamSubscription[] planned = NONE;

    StreamSubscriptions(String key) {
        this.key = key;
    }

    synchronized void add(StreamSubscription s) {
        StreamSubscription[] next = Arrays.copyOf(members, members.length + 1);
        next[members.length] = s;
        members = next;
        s.joined(this);
        dirty = true;
    }

    /** Returns true when no subscription is left. */
    synchronized boolean remove(StreamSubscription s) {
        StreamSubscription[] current = members;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == s) {
                StreamSubscription[] next = new StreamSubscription[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                members = next;
                dirty = true;
                break;
            }
        }
        return members.length == 0;
    }

    /** A member became readable or stopped being so. */
    void changed() {
        dirty = true;
    }

    /** A snapshot of the members, for the ticker. */
    StreamSubscription[] members() {
        return members;
    }

    int size() {
        return members.length;
    }

    /**
     * Fixes the readers the next read's entries of this key go to, and returns the position to read from: the
     * lowest among them; null when none is readable.
     */
    StreamId plan() {
        if (dirty) {
            // Cleared before looking, so a change made while looking marks it again.
            dirty = false;
            StreamSubscription[] current = members;
            StreamSubscription[] found = new StreamSubscription[current.length];
            int n = 0;
            StreamId lowest = null;
            for (StreamSubscription s : current) {
                if (s.readable()) {
                    found[n++] = s;
                    StreamId id = s.lastId();
                    if (lowest == null || id.compareTo(lowest) < 0) {
                        lowest = id;
                    }
                }
            }
            readable = n == current.length ? found : Arrays.copyOf(found, n);
            from = lowest;
        }
        planned = readable;
        return planned.length == 0 ? null : from;
    }

    /** One entry read for this key, to the readers planned for that read; {@code ended} hears who is done. */
    void dispatch(StreamId id, StreamChunk chunk, long nowNanos, Consumer<StreamSubscription> ended) {
        for (StreamSubscription s : planned) {
            s.offer(id, chunk, nowNanos);
            if (s.closed()) {
                ended.accept(s);
            }
        }
        // Every planned reader is now at this id or beyond, so unless one of them paused or ended (which marks
        // the key dirty) the next read starts here without looking at them again.
        if (id.isAfter(from)) {
            from = id;
        }
    }

    /** Whether the last plan gave this key any reader. */
    boolean planned() {
        return planned.length > 0;
    }
}
