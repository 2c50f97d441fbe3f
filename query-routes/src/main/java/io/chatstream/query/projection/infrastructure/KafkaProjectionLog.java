package io.chatstream.query.projection.infrastructure;

import io.chatstream.query.projection.application.ProjectionLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** The projections' topics and consumer groups, through the Kafka admin client. */
public final class KafkaProjectionLog implements ProjectionLog {

    private final Admin admin;
    private final List<String> topics;
    private final List<String> groups;
    private final Duration timeout;

    public KafkaProjectionLog(Admin admin, List<String> topics, List<String> groups, Duration timeout) {
        this.admin = admin;
        this.topics = topics;
        this.groups = groups;
        this.timeout = timeout;
    }

    @Override
    public List<String> activeGroups() {
        Map<String, ConsumerGroupDescription> described = get(admin.describeConsumerGroups(groups).all());
        return groups.stream().filter(g -> !described.get(g).members().isEmpty()).toList();
    }

    @Override
    public List<String> truncatedPartitions() {
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> earliest = described.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = get(admin.listOffsets(earliest).all());
        List<String> truncated = new ArrayList<>();
        offsets.forEach((tp, info) -> {
            if (info.offset() > 0) {
                truncated.add(tp.toString());
            }
        });
        truncated.sort(null);
        return truncated;
    }

    @Override
    public void rewind() {
        for (String group : groups) {
            try {
                get(admin.deleteConsumerGroups(List.of(group)).all());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
    }

    private <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout, e);
        }
    }
}
