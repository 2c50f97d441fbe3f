package io.chatstream.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The test's own Kafka client: writes poison records, reads the DLQ, measures consumer-group lag. */
final class KafkaTool implements AutoCloseable {

    private final String brokers;
    private final Admin admin;

    KafkaTool(String brokers) {
        this.brokers = brokers;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000);
        this.admin = Admin.create(p);
    }

    /** Writes raw records (null key) and waits for the broker's acknowledgement of each. */
    void produce(String topic, List<byte[]> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (byte[] v : values) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString().getBytes(), v)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Every record of a topic from the beginning up to its end offsets now. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Records the group has not committed yet, over every partition of the topics it reads. */
    long lag(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
            if (e.getValue() != null) {
                lag += ends.get(e.getKey()).offset() - e.getValue().offset();
            }
        }
        return lag;
    }

    /** Partitions of a topic that have no committed offset in the group although records exist there. */
    long uncommittedRecords(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(20, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            specs.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(specs).all().get(20, TimeUnit.SECONDS);
        long missing = 0;
        for (TopicPartition tp : specs.keySet()) {
            OffsetAndMetadata c = committed.get(tp);
            missing += ends.get(tp).offset() - (c == null ? 0 : c.offset());
        }
        return missing;
    }

    /** Groups named {@code prefix*} that have members now (a dead worker's cancel group has none). */
    Collection<String> activeGroups(String prefix) throws Exception {
        List<String> named = admin.listConsumerGroups().all().get(20, TimeUnit.SECONDS).stream()
                .map(g -> g.groupId()).filter(g -> g.startsWith(prefix)).toList();
        return admin.describeConsumerGroups(named).all().get(20, TimeUnit.SECONDS).values().stream()
                .filter(d -> !d.members().isEmpty()).map(d -> d.groupId()).toList();
    }

    /** True when {@code group} is stable with exactly {@code members} members (no rebalance pending). */
    boolean stableWith(String group, int members) throws Exception {
        var described = admin.describeConsumerGroups(List.of(group)).all().get(20, TimeUnit.SECONDS).get(group);
        return described.state() == org.apache.kafka.common.ConsumerGroupState.STABLE
                && described.members().size() == members;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
