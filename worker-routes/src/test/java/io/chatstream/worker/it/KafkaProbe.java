package io.chatstream.worker.it;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes prompts and collects what the worker publishes (outcomes by request id, DLQ records). */
final class KafkaProbe implements AutoCloseable {

    final Map<String, List<AnswerCompleted>> outcomes = new ConcurrentHashMap<>();
    final List<ConsumerRecord<String, String>> deadLetters = new CopyOnWriteArrayList<>();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    KafkaProbe(String brokers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of("chat.answer.completed", "chat.answer.dlq"));
        poller = new Thread(this::poll, "kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals("chat.answer.dlq")) {
                        deadLetters.add(r);
                    } else {
                        AnswerCompleted a = EventJson.read(r.value(), AnswerCompleted.getDefaultInstance());
                        outcomes.computeIfAbsent(a.getRequestId(), k -> new CopyOnWriteArrayList<>()).add(a);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    RecordMetadata send(String topic, String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    RecordMetadata sendTo(String topic, int partition, String key, String value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
    }

    /** Sends without waiting for each acknowledgement, then waits for all of them. */
    void sendAll(String topic, Map<String, String> valuesByKey) throws Exception {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new java.util.ArrayList<>();
        valuesByKey.forEach((key, value) -> sent.add(producer.send(new ProducerRecord<>(topic, key, value))));
        for (java.util.concurrent.Future<RecordMetadata> f : sent) {
            f.get();
        }
    }

    /** The committed offset of a group on one partition, or -1. */
    static long committed(String brokers, String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(partition);
            return committed == null ? -1 : committed.offset();
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
        producer.close();
    }
}
