package io.chatstream.worker.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OrderedOffsetsTest {

    private final List<String> committed = new ArrayList<>();
    private final OrderedOffsets<String> offsets = new OrderedOffsets<>(committed::add);

    @Test
    @DisplayName("an answer that ends early waits for the earlier records of its partition")
    void commitsInOrder() {
        offsets.begin("p-0", 10, "c10");
        offsets.begin("p-0", 11, "c11");
        offsets.begin("p-0", 12, "c12");

        offsets.done("p-0", 12);
        offsets.done("p-0", 11);
        assertThat(committed).isEmpty();

        offsets.done("p-0", 10);
        assertThat(committed).containsExactly("c12");
        assertThat(offsets.pending("p-0")).isZero();
    }

    @Test
    @DisplayName("partitions commit independently")
    void partitionsAreIndependent() {
        offsets.begin("p-0", 1, "a1");
        offsets.begin("p-1", 1, "b1");

        offsets.done("p-1", 1);

        assertThat(committed).containsExactly("b1");
        assertThat(offsets.pending("p-0")).isEqualTo(1);
    }

    @Test
    @DisplayName("an unknown offset is ignored")
    void unknownOffset() {
        offsets.done("p-9", 3);
        assertThat(committed).isEmpty();
    }
}
