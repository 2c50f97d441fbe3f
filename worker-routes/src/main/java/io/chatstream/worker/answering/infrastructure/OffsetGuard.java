package io.chatstream.worker.answering.infrastructure;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records still being answered, per partition, and the commit limit they impose. Camel
 * 4.17's streaming consumer commits the offset of every record whose exchange returned, even
 * with manual commits on (KafkaRecordStreamingProcessor records each processed offset and the
 * facade commits it after the poll). Our route returns as soon as the answer is handed to the
 * pool, so Camel would commit prompts whose answer is still running, and a crash would lose
 * them. Every commit therefore passes through {@link #clamp}: no partition is committed past
 * its oldest record still in progress. When a partition is revoked, its answers in progress are
 * told to give up ({@link #revoked}), so only the new owner answers them.
 *
 * <p>A commit held back this way is remembered: Camel commits only after polls that returned
 * records, so the last answers of a partition that then goes quiet would otherwise stay
 * uncommitted (lag stuck above 0, and a restart would redeliver prompts already answered).
 * {@link #released} hands the held commits that finished answers now allow to the consumer
 * thread, which commits them before its next poll.
 */
public final class OffsetGuard {

    private static final Runnable NOTHING = () -> { };
    private final java.util.Set<TopicPartition> revoking = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, ConcurrentSkipListMap<Long, Runnable>> inProgress = new ConcurrentHashMap<>();
    /** Per partition, the commit Camel asked for that {@link #clamp} did not fully pass yet. */
    private final Map<TopicPartition, OffsetAndMetadata> held = new ConcurrentHashMap<>();

    /** Called on the consumer thread before the exchange returns, so Camel's commit sees it. */
    public void begin(TopicPartition partition, long offset) {
        begin(partition, offset, NOTHING);
    }

    /** As {@link #begin(TopicPartition, long)}; {@code onRevoked} runs if the partition moves away first. */
    public void begin(TopicPartition partition, long offset, Runnable onRevoked) {
        inProgress.computeIfAbsent(partition, p -> new ConcurrentSkipListMap<>()).put(offset, onRevoked);
    }

    /** The record's outcome is published (or it became a dead letter): it no longer holds commits back. */
    public void done(TopicPartition partition, long offset) {
        ConcurrentSkipListMap<Long, Runnable> offsets = inProgress.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /**
     * Partitions were revoked. Nothing is given up yet; {@link #assigned}, which follows in the same
     * rebalance, decides which really moved. Eager assignors (RangeAssignor) revoke all of them and
     * most come straight back; the cooperative one (the product default, ADR 7) revokes only those
     * that move and then assigns only the added ones, often none: either way a partition moved if it
     * was revoked and is not in the assignment that follows.
     */
    public void revoked(Collection<TopicPartition> partitions) {
        revoking.addAll(partitions);
    }

    /** The partitions assigned now (all, or only the added ones): answers of revoked partitions not in it give up. */
    public void assigned(Collection<TopicPartition> partitions) {
        java.util.Set<TopicPartition> moved = new java.util.HashSet<>(revoking);
        moved.removeAll(partitions);
        revoking.clear();
        lost(moved);
    }

    /** The partitions are gone for sure (lost, or moved away): their answers in progress give up. */
    public void lost(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            held.remove(partition);
            ConcurrentSkipListMap<Long, Runnable> offsets = inProgress.get(partition);
            if (offsets != null) {
                offsets.values().forEach(Runnable::run);
            }
        }
    }

    /** The commit Kafka may see: each partition at most up to its oldest record in progress. */
    public Map<TopicPartition, OffsetAndMetadata> clamp(Map<TopicPartition, OffsetAndMetadata> requested) {
        Map<TopicPartition, OffsetAndMetadata> allowed = new LinkedHashMap<>();
        requested.forEach((partition, commit) -> {
            ConcurrentSkipListMap<Long, Runnable> offsets = inProgress.get(partition);
            Map.Entry<Long, Runnable> first = offsets == null ? null : offsets.firstEntry();
            Long oldest = first == null ? null : first.getKey();
            if (oldest == null || commit.offset() <= oldest) {
                allowed.put(partition, commit);
                held.computeIfPresent(partition, (p, h) -> h.offset() <= commit.offset() ? null : h);
            } else {
                allowed.put(partition, new OffsetAndMetadata(oldest, commit.metadata()));
                held.merge(partition, commit, (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        });
        return allowed;
    }

    /**
     * The held-back commits that answers finished since then allow now, clamped as always; they
     * are forgotten once fully passed. Called on the consumer thread (the consumer is not
     * thread-safe), before each poll.
     */
    public Map<TopicPartition, OffsetAndMetadata> released() {
        Map<TopicPartition, OffsetAndMetadata> due = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> h : held.entrySet()) {
            ConcurrentSkipListMap<Long, Runnable> offsets = inProgress.get(h.getKey());
            Map.Entry<Long, Runnable> first = offsets == null ? null : offsets.firstEntry();
            if (first == null || first.getKey() >= h.getValue().offset()) {
                due.put(h.getKey(), h.getValue());
            }
        }
        due.forEach(held::remove);
        return due;
    }

    /** How many records of the partition are still being answered. */
    public int inProgress(TopicPartition partition) {
        ConcurrentSkipListMap<Long, Runnable> offsets = inProgress.get(partition);
        return offsets == null ? 0 : offsets.size();
    }
}
