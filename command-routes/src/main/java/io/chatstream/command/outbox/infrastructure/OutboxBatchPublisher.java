package io.chatstream.command.outbox.infrastructure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Publishes one relay batch of outbox rows to Kafka: every record is handed to the producer in id
 * order without waiting, then the run waits once for all acknowledgements (a run costs about one
 * Kafka round trip, not one per row). Called by {@code camel/outbox-relay.camel.yaml}, which also
 * owns the Kafka endpoint URI (acks, idempotence, timeouts).
 *
 * <p>Guarantees: a row is reported sent only after its own ack. A run carries at most one row per
 * key (session id): a later row of a key waits for a later run, i.e. until the earlier one was
 * acknowledged and marked — so no failure or producer retry inside a run can reorder a key's
 * events. After the first failed send nothing more is sent (Kafka down: the run fails fast, each
 * send blocks at most {@code maxBlockMs}); unacknowledged rows stay pending and a later run sends
 * them again (at least once).
 */
public class OutboxBatchPublisher {

    /** Result keys; the map is the body of the route's mark-sent statement ({@code :#in:ids}). */
    public static final String IDS = "ids";
    public static final String DEFERRED = "deferred";
    public static final String FAILURE = "failure";

    private final CamelContext camel;
    private String endpointUri;
    private KafkaEndpoint endpoint;
    private AsyncProducer producer;

    public OutboxBatchPublisher(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * @param rows the pending rows in id order (camel-sql maps: id, topic, msg_key, payload, traceparent)
     * @param kafkaUri the Kafka endpoint of the relay (its producer is created once and kept)
     * @return {@code ids}: the acknowledged row ids; {@code deferred}: rows left for the next run
     *     (a second row of a key, or not sent after a failure); {@code failure}: the first error, or null
     */
    public Map<String, Object> publish(List<Map<String, Object>> rows, String kafkaUri) throws Exception {
        AsyncProducer kafka = producer(kafkaUri);
        List<Sent> sent = new ArrayList<>(rows.size());
        Set<Object> keys = new HashSet<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int deferred = 0;
        for (Map<String, Object> row : rows) {
            if (failure.get() != null || !keys.add(row.get("msg_key"))) {
                deferred++;
                continue;
            }
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setHeader(KafkaConstants.KEY, row.get("msg_key"));
            exchange.getMessage().setHeader(KafkaConstants.OVERRIDE_TOPIC, row.get("topic"));
            if (row.get("traceparent") != null) {
                // The trace context stored at submit time continues the request's trace.
                exchange.getMessage().setHeader("traceparent", row.get("traceparent"));
            }
            exchange.getMessage().setBody(row.get("payload"));
            CompletableFuture<Exchange> acked = new CompletableFuture<>();
            sent.add(new Sent(((Number) row.get("id")).longValue(), exchange, acked));
            kafka.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    failure.compareAndSet(null, exchange.getException());
                }
                acked.complete(exchange);
            });
            if (exchange.getException() != null) {
                // Kafka reports a send it could not even queue (no metadata within maxBlockMs) at once.
                failure.compareAndSet(null, exchange.getException());
            }
        }
        awaitAll(sent);
        List<Long> ids = new ArrayList<>(sent.size());
        for (Sent s : sent) {
            if (s.acked().isDone() && s.exchange().getException() == null) {
                ids.add(s.id());
            } else {
                deferred++;
                if (!s.acked().isDone()) {
                    failure.compareAndSet(null, new TimeoutException("no Kafka ack within the wait"));
                }
            }
        }
        Map<String, Object> result = new HashMap<>();
        result.put(IDS, ids);
        result.put(DEFERRED, deferred);
        result.put(FAILURE, failure.get() == null ? null : failure.get().toString());
        return result;
    }

    /** One wait for the whole batch, bounded by the producer's own delivery timeout (plus slack). */
    private void awaitAll(List<Sent> sent) throws InterruptedException {
        Integer delivery = endpoint.getConfiguration().getDeliveryTimeoutMs();
        long waitMs = (delivery == null ? 120_000 : delivery) + 5_000;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        for (Sent s : sent) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                s.acked().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return;
            } catch (ExecutionException e) {
                // cannot happen: the future is only ever completed normally
            }
        }
    }

    /** The relay runs on one thread (a single SEDA consumer); a changed URI (live route edit) gets a new producer. */
    private synchronized AsyncProducer producer(String kafkaUri) throws Exception {
        if (!kafkaUri.equals(endpointUri)) {
            stop();
            Endpoint resolved = camel.getEndpoint(kafkaUri);
            if (!(resolved instanceof KafkaEndpoint kafkaEndpoint)) {
                throw new IllegalArgumentException("the outbox relay needs a kafka: endpoint, got " + kafkaUri);
            }
            if (kafkaEndpoint.getConfiguration().isSynchronous()) {
                throw new IllegalArgumentException("the outbox relay's Kafka endpoint must not be synchronous: " + kafkaUri);
            }
            AsyncProducer created = kafkaEndpoint.createAsyncProducer();
            ServiceHelper.startService(created);
            endpoint = kafkaEndpoint;
            producer = created;
            endpointUri = kafkaUri;
        }
        return producer;
    }

    /** Closes the Kafka producer (Spring calls it at shutdown). */
    public synchronized void stop() {
        ServiceHelper.stopAndShutdownService(producer);
        producer = null;
        endpoint = null;
        endpointUri = null;
    }

    private record Sent(long id, Exchange exchange, CompletableFuture<Exchange> acked) {
    }
}
