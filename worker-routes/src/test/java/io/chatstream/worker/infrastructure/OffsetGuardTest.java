package io.chatstream.worker.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OffsetGuardTest {

    private static final TopicPartition P0 = new TopicPartition("chat.prompt.submitted", 0);
    private static final TopicPartition P1 = new TopicPartition("chat.prompt.submitted", 1);
    private final OffsetGuard guard = new OffsetGuard();

    private Map<TopicPartition, OffsetAndMetadata> commit(TopicPartition p, long offset) {
        return guard.clamp(Map.of(p, new OffsetAndMetadata(offset)));
    }

    @Test
    @DisplayName("a commit past a record still being answered is held back to that record")
    void clampsToTheOldestInProgress() {
        guard.begin(P0, 5);
        guard.begin(P0, 6);

        assertThat(commit(P0, 7).get(P0).offset()).isEqualTo(5);
        guard.done(P0, 6);
        assertThat(commit(P0, 7).get(P0).offset()).isEqualTo(5);
        guard.done(P0, 5);
        assertThat(commit(P0, 7).get(P0).offset()).isEqualTo(7);
    }

    @Test
    @DisplayName("partitions are independent and a partition with nothing in progress commits as asked")
    void partitionsAreIndependent() {
        guard.begin(P0, 3);

        assertThat(commit(P1, 10).get(P1).offset()).isEqualTo(10);
        assertThat(commit(P0, 2).get(P0).offset()).isEqualTo(2);
        assertThat(guard.inProgress(P0)).isEqualTo(1);
    }

    @Test
    @DisplayName("after a rebalance only answers of partitions that moved away are told to give up")
    void rebalance() {
        java.util.List<String> abandoned = new java.util.ArrayList<>();
        guard.begin(P0, 1, () -> abandoned.add("p0"));
        guard.begin(P1, 1, () -> abandoned.add("p1"));

        guard.revoked(java.util.List.of(P0, P1));
        assertThat(abandoned).isEmpty();
        guard.assigned(java.util.List.of(P0));

        assertThat(abandoned).containsExactly("p1");
        assertThat(commit(P1, 2).get(P1).offset()).isEqualTo(1);
    }

    @Test
    @DisplayName("the guarded consumer clamps commits and reports revocations through the rebalance listener")
    void guardedConsumer() {
        org.apache.kafka.clients.consumer.MockConsumer<String, String> mock =
                new org.apache.kafka.clients.consumer.MockConsumer<>(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
        @SuppressWarnings("unchecked")
        org.apache.kafka.clients.consumer.Consumer<String, String> consumer =
                GuardedKafkaClientFactory.guarded(mock, guard);
        java.util.List<String> abandoned = new java.util.ArrayList<>();
        consumer.subscribe(java.util.List.of(P0.topic()), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
            }
        });
        mock.rebalance(java.util.List.of(P0, P1));
        guard.begin(P1, 4, () -> abandoned.add("p1"));

        consumer.commitSync(Map.of(P1, new OffsetAndMetadata(9)));
        assertThat(mock.committed(java.util.Set.of(P1)).get(P1).offset()).isEqualTo(4);

        mock.rebalance(java.util.List.of(P0));
        assertThat(abandoned).containsExactly("p1");
    }
}
