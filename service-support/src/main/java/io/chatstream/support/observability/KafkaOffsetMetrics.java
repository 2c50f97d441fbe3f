package io.chatstream.support.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag of this service's own consumer groups and the size of topics it owns, read with a
 * Kafka {@link Admin} client on a background thread every {@code interval}; the gauges only return
 * the last values, so a scrape never waits for Kafka. camel-kafka creates its own clients, so
 * Micrometer's KafkaClientMetrics cannot be bound to them.
 * <ul>
 * <li>{@value #LAG}{group,topic} = Σ over the topic's partitions of (log-end offset − committed
 * offset). A partition the group has not committed yet counts from the log-start offset (the
 * services' groups start at {@code earliest}), as does a committed offset that retention has
 * already deleted.</li>
 * <li>a size gauge (name given by the service, e.g. {@code chat.dlq.size}){topic} = Σ (log-end −
 * log-start offset): records the topic still holds.</li>
 * </ul>
 * When a read fails or times out, every gauge reports NaN (unknown) until the next successful read:
 * a stale lag that looks healthy is worse than a gap. Failures are logged once per change of state.
 */
public final class KafkaOffsetMetrics implements MeterBinder, AutoCloseable {

    /** Meter name of the consumer lag gauge (Prometheus {@code chat_kafka_consumer_lag}). */
    public static final String LAG = "chat.kafka.consumer.lag";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOffsetMetrics.class);

    private final Map<String, Set<String>> groups;
    private final Map<String, String> sizes;
    private final Duration timeout;
    private final Map<List<String>, Value> lagValues = new LinkedHashMap<>();
    private final Map<String, Value> sizeValues = new LinkedHashMap<>();
    private final Admin admin;
    private final ScheduledExecutorService ticker;
    private volatile Boolean healthy;

    /**
     * @param client the common client properties (brokers and credentials: {@code KafkaSettings.clientProperties()})
     * @param groups consumer group → topics it reads (see {@link #parseGroups(String)})
     * @param sizes  topic → name of its size gauge
     */
    public KafkaOffsetMetrics(Map<String, Object> client, Map<String, Set<String>> groups, Map<String, String> sizes,
            Duration interval, Duration timeout) {
        this.groups = groups;
        this.sizes = sizes;
        this.timeout = timeout;
        groups.forEach((group, topics) -> topics.forEach(topic -> lagValues.put(List.of(group, topic), new Value())));
        sizes.keySet().forEach(topic -> sizeValues.put(topic, new Value()));
        int millis = (int) Math.max(500, timeout.toMillis());
        Map<String, Object> props = new HashMap<>(client);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "offset-metrics");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        this.admin = Admin.create(props);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-offset-metrics");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Parses {@code "group:topic,group:topic2,other:topic"} (blanks ignored) into group → topics.
     * A group reading several topics is listed once per topic.
     */
    public static Map<String, Set<String>> parseGroups(String spec) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("expected group:topic, got '" + entry + "'");
            }
            groups.computeIfAbsent(entry.substring(0, colon), g -> new LinkedHashSet<>()).add(entry.substring(colon + 1));
        }
        return groups;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        lagValues.forEach((key, value) -> Gauge.builder(LAG, value, Value::get)
                .description("records a consumer group of this service has not committed yet (Σ partitions)")
                .tag("group", key.get(0)).tag("topic", key.get(1)).register(registry));
        sizeValues.forEach((topic, value) -> Gauge.builder(sizes.get(topic), value, Value::get)
                .description("records the topic holds (Σ partitions of log-end − log-start offset)")
                .tag("topic", topic).register(registry));
    }

    private void refreshQuietly() {
        try {
            refresh();
            if (!Boolean.TRUE.equals(healthy)) {
                LOG.info("Kafka offsets read again; lag and topic size gauges are current");
            }
            healthy = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lagValues.values().forEach(Value::unknown);
            sizeValues.values().forEach(Value::unknown);
            if (!Boolean.FALSE.equals(healthy)) {
                LOG.warn("Kafka offsets unreadable, lag and topic size gauges report NaN until they are: {}",
                        String.valueOf(e.getCause() == null ? e : e.getCause()));
            }
            healthy = false;
        }
    }

    /** One read of every configured offset; visible for tests. */
    void refresh() throws Exception {
        Set<String> topics = new LinkedHashSet<>(sizes.keySet());
        groups.values().forEach(topics::addAll);
        if (topics.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions().forEach(p -> {
            TopicPartition tp = new TopicPartition(d.name(), p.partition());
            earliest.put(tp, OffsetSpec.earliest());
            latest.put(tp, OffsetSpec.latest());
        }));
        Map<TopicPartition, ListOffsetsResultInfo> start = admin.listOffsets(earliest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<List<String>, Long> lags = new HashMap<>();
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (String topic : group.getValue()) {
                long lag = 0;
                for (TopicPartition tp : partitionsOf(topic, end)) {
                    long from = start.get(tp).offset();
                    OffsetAndMetadata offset = committed.get(tp);
                    long position = offset == null ? from : Math.max(from, offset.offset());
                    lag += Math.max(0, end.get(tp).offset() - position);
                }
                lags.put(List.of(group.getKey(), topic), lag);
            }
        }
        lags.forEach((key, lag) -> lagValues.get(key).set(lag));
        for (String topic : sizes.keySet()) {
            long size = 0;
            for (TopicPartition tp : partitionsOf(topic, end)) {
                size += Math.max(0, end.get(tp).offset() - start.get(tp).offset());
            }
            sizeValues.get(topic).set(size);
        }
    }

    private static List<TopicPartition> partitionsOf(String topic, Map<TopicPartition, ?> offsets) {
        List<TopicPartition> partitions = new ArrayList<>();
        offsets.keySet().forEach(tp -> {
            if (tp.topic().equals(topic)) {
                partitions.add(tp);
            }
        });
        return partitions;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }

    /** The last value read; NaN until the first successful read and after a failed one. */
    private static final class Value {
        private volatile double value = Double.NaN;

        double get() {
            return value;
        }

        void set(long records) {
            value = records;
        }

        void unknown() {
            value = Double.NaN;
        }
    }
}
