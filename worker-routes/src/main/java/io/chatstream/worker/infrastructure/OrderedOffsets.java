package io.chatstream.worker.infrastructure;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Offsets of records answered out of order. A record's offset is committed only once every
 * earlier record of its partition has ended too, so a crash never skips an unanswered prompt
 * (at-least-once); redeliveries are harmless because answering is idempotent.
 *
 * @param <C> the handle that commits one record's offset
 */
final class OrderedOffsets<C> {

    private final Map<String, TreeMap<Long, Pending<C>>> partitions = new HashMap<>();
    private final java.util.function.Consumer<C> committer;

    OrderedOffsets(java.util.function.Consumer<C> committer) {
        this.committer = committer;
    }

    /** A record of {@code partition} is now being answered. */
    synchronized void begin(String partition, long offset, C commit) {
        partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, new Pending<>(commit));
    }

    /** The record's outcome is published: commit as far as the partition has no gap. */
    synchronized void done(String partition, long offset) {
        TreeMap<Long, Pending<C>> pending = partitions.get(partition);
        if (pending == null || !pending.containsKey(offset)) {
            return;
        }
        pending.get(offset).done = true;
        C last = null;
        while (!pending.isEmpty() && pending.firstEntry().getValue().done) {
            last = pending.pollFirstEntry().getValue().commit;
        }
        if (last != null) {
            committer.accept(last);
        }
    }

    /** How many records of the partition wait to be committed. */
    synchronized int pending(String partition) {
        TreeMap<Long, Pending<C>> pending = partitions.get(partition);
        return pending == null ? 0 : pending.size();
    }

    private static final class Pending<C> {

        private final C commit;
        private boolean done;

        Pending(C commit) {
            this.commit = commit;
        }
    }
}
