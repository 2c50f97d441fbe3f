package io.chatstream.command.outbox.infrastructure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code chat.outbox.*} as the Java side reads it (defaults and their reasons in {@code application.yml}).
 * {@code poll-delay} and {@code cleanup-interval} are read by the route file only, so ops can change them there.
 *
 * @param batchSize rows one relay run selects at most
 * @param triggerUri the relay's one-slot wake-up queue
 * @param leaseSeconds how long a run's lease keeps other instances out if its holder dies (a bare number: seconds)
 * @param kafkaMaxBlockMs longest a send waits for metadata or buffer space (a bare number: ms)
 * @param kafkaRequestTimeoutMs the relay producer's request timeout (a bare number: ms)
 * @param kafkaDeliveryTimeoutMs upper bound for a send's ack, retries included (a bare number: ms)
 * @param keepSent how long a sent row stays in the table
 * @param cleanupBatchSize rows one cleanup DELETE takes at most
 */
@ConfigurationProperties("chat.outbox")
public record OutboxSettings(
        Integer batchSize,
        String triggerUri,
        @DurationUnit(ChronoUnit.SECONDS) Duration leaseSeconds,
        @DurationUnit(ChronoUnit.MILLIS) Duration kafkaMaxBlockMs,
        @DurationUnit(ChronoUnit.MILLIS) Duration kafkaRequestTimeoutMs,
        @DurationUnit(ChronoUnit.MILLIS) Duration kafkaDeliveryTimeoutMs,
        Duration keepSent,
        Integer cleanupBatchSize) {

    public OutboxSettings {
        Objects.requireNonNull(batchSize, "chat.outbox.batch-size is not set");
        Objects.requireNonNull(cleanupBatchSize, "chat.outbox.cleanup-batch-size is not set");
        if (batchSize < 1) {
            throw new IllegalArgumentException("chat.outbox.batch-size must be positive");
        }
        Objects.requireNonNull(triggerUri, "chat.outbox.trigger-uri is not set");
        Objects.requireNonNull(leaseSeconds, "chat.outbox.lease-seconds is not set");
        Objects.requireNonNull(kafkaMaxBlockMs, "chat.outbox.kafka-max-block-ms is not set");
        Objects.requireNonNull(kafkaRequestTimeoutMs, "chat.outbox.kafka-request-timeout-ms is not set");
        Objects.requireNonNull(kafkaDeliveryTimeoutMs, "chat.outbox.kafka-delivery-timeout-ms is not set");
        Objects.requireNonNull(keepSent, "chat.outbox.keep-sent is not set");
    }
}
