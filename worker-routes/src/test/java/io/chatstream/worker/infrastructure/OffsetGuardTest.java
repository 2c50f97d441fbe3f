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
}
