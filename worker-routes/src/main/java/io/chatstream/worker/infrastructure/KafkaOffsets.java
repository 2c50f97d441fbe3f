package io.chatstream.worker.infrastructure;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * Commits consumed offsets in partition order although answers end in any order. The route's
 * manual commits are asynchronous ({@code DefaultKafkaManualAsyncCommitFactory}): they only
 * record the offset, and the consumer thread commits it, so they may be called from any thread.
 */
public final class KafkaOffsets {

    private final OrderedOffsets<KafkaManualCommit> offsets = new OrderedOffsets<>(KafkaManualCommit::commit);

    /** Registers the exchange's record as in progress; returns the handle to call when it has ended. */
    public Runnable begin(Exchange exchange) {
        String partition = partitionOf(exchange);
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        KafkaManualCommit commit = exchange.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class);
        if (offset == null || commit == null) {
            return () -> { };
        }
        offsets.begin(partition, offset, commit);
        return () -> offsets.done(partition, offset);
    }

    /** The record was dealt with right away (e.g. parked as unreadable). */
    public void commit(Exchange exchange) {
        begin(exchange).run();
    }

    private static String partitionOf(Exchange exchange) {
        return exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class) + "-"
                + exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
    }
}
