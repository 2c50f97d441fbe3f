package io.chatstream.worker.answering.infrastructure;

import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.kafka.common.TopicPartition;

/**
 * Marks records as in progress until their outcome is published. Camel commits consumed
 * offsets by itself; the {@link OffsetGuard} keeps those commits behind the oldest record of
 * each partition still being answered, so a crash never skips an unanswered prompt
 * (at-least-once) while answers end in any order.
 */
public final class KafkaOffsets {

    private final OffsetGuard guard;

    public KafkaOffsets(OffsetGuard guard) {
        this.guard = guard;
    }

    /** Registers the exchange's record as in progress; returns the handle to call when it has ended. */
    public Runnable begin(Exchange exchange) {
        return begin(exchange, () -> { });
    }

    /** As {@link #begin(Exchange)}; {@code onRevoked} runs if the record's partition moves to another consumer first. */
    public Runnable begin(Exchange exchange, Runnable onRevoked) {
        String topic = exchange.getMessage().getHeader(KafkaConstants.TOPIC, String.class);
        Integer partition = exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class);
        Long offset = exchange.getMessage().getHeader(KafkaConstants.OFFSET, Long.class);
        if (topic == null || partition == null || offset == null) {
            return () -> { };
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        guard.begin(tp, offset, onRevoked);
        return () -> guard.done(tp, offset);
    }

    /** The record was dealt with right away (e.g. an unreadable one, sent to the dead-letter topic). */
    public void commit(Exchange exchange) {
        begin(exchange).run();
    }
}
