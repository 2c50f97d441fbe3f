package io.chatstream.worker.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records still being answered, per partition, and the commit limit they impose. Camel
 * 4.17's streaming consumer commits the offset of every record whose exchange returned, even
 * with manual commits on (KafkaRecordStreamingProcessor records each processed offset and the
 * facade commits it after the poll). Our route returns as soon as the answer is handed to the
 * pool, so Camel would commit prompts whose answer is still running, and a crash would lose
 * them. Every commit therefore passes through {@link #clamp}: no partition is committed past
 * its oldest record still in progress.
 */
public final class OffsetGuard {

    private final Map<TopicPartition, ConcurrentSkipListSet<Long>> inProgress = new ConcurrentHashMap<>();

    /** Called on the consumer thread before the exchange returns, so Camel's commit sees it. */
    public void begin(TopicPartition partition, long offset) {
        inProgress.computeIfAbsent(partition, p -> new ConcurrentSkipListSet<>()).add(offset);
    }

    /** The record's outcome is published (or it was parked): it no longer holds commits back. */
    public void done(TopicPartition partition, long offset) {
        ConcurrentSkipListSet<Long> offsets = inProgress.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** The commit Kafka may see: each partition at most up to its oldest record in progress. */
    public Map<TopicPartition, OffsetAndMetadata> clamp(Map<TopicPartition, OffsetAndMetadata> requested) {
        Map<TopicPartition, OffsetAndMetadata> allowed = new LinkedHashMap<>();
        requested.forEach((partition, commit) -> {
            ConcurrentSkipListSet<Long> offsets = inProgress.get(partition);
            Long oldest = offsets == null || offsets.isEmpty() ? null : offsets.first();
            if (oldest == null || commit.offset() <= oldest) {
                allowed.put(partition, commit);
            } else {
                allowed.put(partition, new OffsetAndMetadata(oldest, commit.metadata()));
            }
        });
        return allowed;
    }

    /** How many records of the partition are still being answered. */
    public int inProgress(TopicPartition partition) {
        ConcurrentSkipListSet<Long> offsets = inProgress.get(partition);
        return offsets == null ? 0 : offsets.size();
    }
}
