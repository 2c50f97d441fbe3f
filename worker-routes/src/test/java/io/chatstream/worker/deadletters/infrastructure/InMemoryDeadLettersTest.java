package io.chatstream.worker.deadletters.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InMemoryDeadLettersTest {

    private static DeadLetter letter(String id, String code) {
        return new DeadLetter(id, "s", "u", code, "", 1, Instant.EPOCH, "", 0, 0, true, "{}");
    }

    @Test
    @DisplayName("keeps the latest record per request, moved to the end, and drops the oldest past capacity")
    void boundedLatestPerRequest() {
        InMemoryDeadLetters letters = new InMemoryDeadLetters(2);

        letters.record(letter("a", "InternalError"));
        letters.record(letter("b", "InternalError"));
        letters.record(letter("a", "TIMEOUT"));
        letters.record(letter("c", "InternalError"));

        assertThat(letters.all()).extracting(DeadLetter::requestId).containsExactly("a", "c");
        assertThat(letters.find("a")).hasValueSatisfying(l -> assertThat(l.errorCode()).isEqualTo("TIMEOUT"));
        assertThat(letters.find("b")).isEmpty();
        assertThat(letters.evicted()).isEqualTo(1);
    }
}
