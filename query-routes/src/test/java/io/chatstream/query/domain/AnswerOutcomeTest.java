package io.chatstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerOutcomeTest {

    private static AnswerOutcome outcome(String status) {
        return new AnswerOutcome(status, "text", "stop", "", "", 1, 2);
    }

    @Test
    @DisplayName("any final outcome replaces a missing, queued or streaming answer")
    void replacesPlaceholders() {
        assertThat(outcome("failed").supersedes(null)).isTrue();
        assertThat(outcome("failed").supersedes("queued")).isTrue();
        assertThat(outcome("completed").supersedes("streaming")).isTrue();
    }

    @Test
    @DisplayName("a completed answer replaces a failed one, as after a DLQ replay")
    void successReplacesFailure() {
        assertThat(outcome("completed").supersedes("failed")).isTrue();
        assertThat(outcome("stopped").supersedes("failed")).isTrue();
    }

    @Test
    @DisplayName("a duplicate or a later failure changes nothing")
    void duplicatesAreNoOps() {
        assertThat(outcome("completed").supersedes("completed")).isFalse();
        assertThat(outcome("failed").supersedes("failed")).isFalse();
        assertThat(outcome("failed").supersedes("completed")).isFalse();
        assertThat(outcome("completed").supersedes("stopped")).isFalse();
    }

    @Test
    @DisplayName("an outcome must have a final status")
    void rejectsNonFinalStatus() {
        assertThatThrownBy(() -> outcome("queued")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outcome("bogus")).isInstanceOf(IllegalArgumentException.class);
    }
}
