package io.chatstream.query.history.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FinalAnswerTest {

    private static FinalAnswer answer(String status) {
        return new FinalAnswer(status, "text", "", "stop", "", "", 1, 2);
    }

    @Test
    @DisplayName("any final answer replaces a missing, queued or streaming answer")
    void replacesPlaceholders() {
        assertThat(answer("failed").supersedes(null)).isTrue();
        assertThat(answer("failed").supersedes("queued")).isTrue();
        assertThat(answer("completed").supersedes("streaming")).isTrue();
    }

    @Test
    @DisplayName("a completed answer replaces a failed one, as after a DLQ replay")
    void successReplacesFailure() {
        assertThat(answer("completed").supersedes("failed")).isTrue();
        assertThat(answer("stopped").supersedes("failed")).isTrue();
    }

    @Test
    @DisplayName("a duplicate or a later failure changes nothing")
    void duplicatesAreNoOps() {
        assertThat(answer("completed").supersedes("completed")).isFalse();
        assertThat(answer("failed").supersedes("failed")).isFalse();
        assertThat(answer("failed").supersedes("completed")).isFalse();
        assertThat(answer("completed").supersedes("stopped")).isFalse();
    }

    @Test
    @DisplayName("a final answer must have a final status")
    void rejectsNonFinalStatus() {
        assertThatThrownBy(() -> answer("queued")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> answer("bogus")).isInstanceOf(IllegalArgumentException.class);
    }
}
