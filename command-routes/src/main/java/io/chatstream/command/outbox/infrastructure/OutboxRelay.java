package io.chatstream.command.outbox.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The outbox relay: publishes pending outbox rows to Kafka (topic per row, key = session id, the row's stored
 * {@code traceparent} as the only record header) and marks a row sent only after ITS acknowledgement. The route
 * {@code command-outbox-relay} ({@code camel/outbox-relay.camel.yaml}) calls {@link #relayOnce()} from a one-slot
 * SEDA queue with a single consumer, so two runs never overlap in an instance; the lease row
 * ({@code outbox_relay_lease}) keeps other instances out.
 *
 * <p>A run takes (or renews) the lease, selects up to {@code batch-size} pending rows in id order, hands them ALL
 * to its Kafka producer without waiting, waits once for every ack, marks the acknowledged rows sent with ONE
 * statement and gives the lease back at once (other instances need not wait for it to expire): one Kafka round
 * trip and two statements per run instead of one round trip, one statement and one commit per row.
 *
 * <p>Order: the idempotent producer ({@code acks=all}, at most 5 requests in flight) keeps a partition's order,
 * and a run carries at most one row per key anyway (a key's next row goes in the next run, after this one's ack),
 * so no failure inside a run can reorder a session's events. Kafka down: the first failed send stops the run
 * (each send blocks at most {@code kafka-max-block-ms}, the wait for acks at most {@code kafka-delivery-timeout-ms}
 * + 5 s); unacknowledged rows stay pending and a later run sends them again (at least once; consumers
 * de-duplicate on request_id). A database failure is thrown to the route, whose error handler logs it.
 */
public class OutboxRelay implements AutoCloseable {

    // The name the relay's log lines have always had (ops filter on it).
    private static final Logger LOG = LoggerFactory.getLogger("io.chatstream.command.outbox");
    private static final long ACK_WAIT_SLACK_MS = 5_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final OutboxSettings settings;
    private final Map<String, Object> producerConfig;
    private final String owner = "relay-" + UUID.randomUUID();
    private Producer<String, String> producer;
    private boolean closed;

    /**
     * @param client the common client properties (brokers and credentials: {@code KafkaSettings.clientProperties()})
     */
    public OutboxRelay(JdbcTemplate jdbc, OutboxSettings settings, Map<String, Object> client) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.settings = settings;
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Sent at once, as camel-kafka did (Kafka 4 clients default to 5 ms).
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.kafkaMaxBlockMs().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.kafkaRequestTimeoutMs().toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.kafkaDeliveryTimeoutMs().toMillis());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producerConfig = Map.copyOf(config);
    }

    /** One run; a run that finds the lease held by another instance does nothing. */
    public Run relayOnce() throws InterruptedException {
        if (jdbc.update("UPDATE outbox_relay_lease SET owner = ?, lease_until = UTC_TIMESTAMP(6) + INTERVAL ? SECOND"
                + " WHERE name = 'relay' AND (owner = ? OR lease_until < UTC_TIMESTAMP(6))",
                owner, settings.leaseSeconds().toSeconds(), owner) != 1) {
            return new Run(0, 0, Optional.empty(), false);
        }
        List<Row> rows = jdbc.query("SELECT id, topic, msg_key, payload, traceparent FROM outbox WHERE sent_at IS NULL"
                + " ORDER BY id LIMIT ?", (rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"),
                rs.getString("msg_key"), rs.getString("payload"), rs.getString("traceparent")), settings.batchSize());
        Batch batch = publish(rows);
        if (!batch.acked().isEmpty()) {
            named.update("UPDATE outbox SET sent_at = UTC_TIMESTAMP(6) WHERE id IN (:ids)", Map.of("ids", batch.acked()));
        }
        jdbc.update("UPDATE outbox_relay_lease SET lease_until = UTC_TIMESTAMP(6) WHERE name = 'relay' AND owner = ?", owner);
        Optional<String> failure = Optional.ofNullable(batch.failure()).map(Exception::toString);
        failure.ifPresent(f -> LOG.warn("outbox relay run failed, {} rows stay pending: {}", batch.deferred(), f));
        // A full batch, or rows held back for the next run, means more rows may wait.
        boolean more = failure.isEmpty() && (rows.size() >= settings.batchSize() || batch.deferred() > 0);
        return new Run(batch.acked().size(), batch.deferred(), failure, more);
    }

    /** Sends the rows (one per key, none after a failure), then waits once for all acks. */
    private Batch publish(List<Row> rows) throws InterruptedException {
        Producer<String, String> kafka = producer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Set<String> keys = new HashSet<>();
        List<Sent> sent = new ArrayList<>(rows.size());
        int deferred = 0;
        for (Row row : rows) {
            if (failure.get() != null || !keys.add(row.key())) {
                deferred++;
                continue;
            }
            try {
                sent.add(new Sent(row.id(), kafka.send(row.record(), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                })));
            } catch (KafkaException e) {
                failure.compareAndSet(null, e);
                deferred++;
            }
        }
        long deadline = System.nanoTime()
                + TimeUnit.MILLISECONDS.toNanos(settings.kafkaDeliveryTimeoutMs().toMillis() + ACK_WAIT_SLACK_MS);
        List<Long> acked = new ArrayList<>(sent.size());
        for (Sent s : sent) {
            try {
                s.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(s.id());
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause() instanceof Exception cause ? cause : e);
                deferred++;
            } catch (TimeoutException e) {
                failure.compareAndSet(null, new TimeoutException("no Kafka ack within the wait"));
                deferred++;
            }
        }
        return new Batch(acked, deferred, failure.get());
    }

    /** Created at the first run, as camel-kafka did: a broker unknown at start-up fails a run, not the service. */
    private synchronized Producer<String, String> producer() {
        if (closed) {
            throw new IllegalStateException("the outbox relay is closed");
        }
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    /** Closes the Kafka producer (Spring calls it at shutdown). */
    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    /**
     * What a run did: rows sent (acknowledged and marked), rows left pending for a later run (a key's second row,
     * or not acknowledged), the first failure if any, and whether more rows may wait (a full batch or rows held
     * back, and no failure): then the route queues the next run at once instead of waiting for the poll.
     */
    public record Run(int sent, int deferred, Optional<String> failure, boolean moreMayWait) {
    }

    private record Row(long id, String topic, String key, String payload, String traceparent) {

        ProducerRecord<String, String> record() {
            // The trace context stored at submit time continues the request's trace.
            List<Header> headers = traceparent == null ? List.of()
                    : List.of(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8)));
            return new ProducerRecord<>(topic, null, key, payload, headers);
        }
    }

    private record Sent(long id, Future<RecordMetadata> ack) {
    }

    private record Batch(List<Long> acked, int deferred, Exception failure) {
    }
}
