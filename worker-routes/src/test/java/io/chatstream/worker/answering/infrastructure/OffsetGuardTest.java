package io.chatstream.worker.answering.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OffsetGuardTest {

    private static final TopicPartition P0 = new TopicPartition("chat.prompt.submitted", 0);
    private static final TopicPartition P1 = new TopicPartition("chat.prompt.submitted", 1);
    private static final TopicPartition P2 = new TopicPartition("chat.prompt.submitted", 2);
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
    @DisplayName("a held-back commit is released once the answers before it finish, also when no record follows")
    void releasesHeldCommits() {
        guard.begin(P0, 5);
        guard.begin(P0, 6);
        assertThat(commit(P0, 7).get(P0).offset()).isEqualTo(5);
        assertThat(guard.released()).isEmpty();

        guard.done(P0, 5);
        assertThat(guard.released()).as("6 still answering").isEmpty();
        guard.done(P0, 6);
        assertThat(guard.released()).containsExactly(Map.entry(P0, new OffsetAndMetadata(7)));
        assertThat(guard.released()).as("released once").isEmpty();
    }

    @Test
    @DisplayName("a later commit that passes the guard replaces the held one; a lost partition forgets it")
    void heldCommitsAreForgotten() {
        guard.begin(P0, 5);
        commit(P0, 6);
        guard.done(P0, 5);
        assertThat(commit(P0, 9).get(P0).offset()).isEqualTo(9);
        assertThat(guard.released()).isEmpty();

        guard.begin(P1, 2);
        commit(P1, 3);
        guard.lost(java.util.List.of(P1));
        guard.done(P1, 2);
        assertThat(guard.released()).isEmpty();
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
    @DisplayName("a cooperative rebalance revokes only what moves and assigns only what is added: kept answers go on")
    void cooperativeRebalance() {
        java.util.List<String> abandoned = new java.util.ArrayList<>();
        guard.begin(P0, 1, () -> abandoned.add("p0"));
        guard.begin(P1, 1, () -> abandoned.add("p1"));

        // A worker joins: P1 moves to it. The callbacks name only P1, then no added partition.
        guard.revoked(java.util.List.of(P1));
        guard.assigned(java.util.List.of());
        assertThat(abandoned).containsExactly("p1");

        // Another worker died: its partition P2 is added, nothing is revoked.
        guard.assigned(java.util.List.of(P2));
        assertThat(abandoned).containsExactly("p1");
        assertThat(commit(P0, 5).get(P0).offset()).as("P0 still answering").isEqualTo(1);
        assertThat(guard.inProgress(P0)).isEqualTo(1);
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

        // MockConsumer calls back as a cooperative consumer does: revoked(removed), then assigned(added).
        mock.rebalance(java.util.List.of(P0));
        assertThat(abandoned).containsExactly("p1");
    }

    @Test
    @DisplayName("the guarded consumer commits a released offset before its next poll, with no new record needed")
    void guardedConsumerCommitsReleasedOffsets() {
        org.apache.kafka.clients.consumer.MockConsumer<String, String> mock =
                new org.apache.kafka.clients.consumer.MockConsumer<>(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST);
        @SuppressWarnings("unchecked")
        org.apache.kafka.clients.consumer.Consumer<String, String> consumer =
                GuardedKafkaClientFactory.guarded(mock, guard);
        consumer.assign(java.util.List.of(P0));
        mock.updateBeginningOffsets(Map.of(P0, 0L));
        guard.begin(P0, 4);
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(5)));
        assertThat(mock.committed(java.util.Set.of(P0)).get(P0).offset()).isEqualTo(4);

        guard.done(P0, 4);
        consumer.poll(java.time.Duration.ZERO);

        assertThat(mock.committed(java.util.Set.of(P0)).get(P0).offset()).isEqualTo(5);
    }
}
