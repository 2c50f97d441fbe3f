package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

    @Test
    @DisplayName("the same seed text always gives the same chunks")
    void sameInputSameOutput() {
        assertThat(AnswerText.chunks("What is a simulator?", 24))
                .isEqualTo(AnswerText.chunks("What is a simulator?", 24));
    }

    @Test
    @DisplayName("a different seed text gives a different answer")
    void differentInputDifferentOutput() {
        assertThat(AnswerText.text("What is a simulator?", 24))
                .isNotEqualTo(AnswerText.text("What is a simulator!", 24));
    }

    @Test
    @DisplayName("the answer is a fixed function of its seed, stable across JVMs and releases")
    void stableAcrossRuns() {
        // FNV-1a and java.util.Random are both fully specified, so this value never changes;
        // worker tests may rely on it.
        assertThat(AnswerText.seedOf("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(AnswerText.seedOf("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    @DisplayName("an answer has exactly the requested chunks, each ending in a space except the last, which ends the sentence")
    void chunkShape() {
        List<String> chunks = AnswerText.chunks("shape", 40);

        assertThat(chunks).hasSize(40);
        assertThat(chunks.subList(0, 39)).allSatisfy(chunk -> assertThat(chunk).endsWith(" ").isNotBlank());
        assertThat(chunks.get(39)).endsWith(".").doesNotEndWith(" ");
        String text = String.join("", chunks);
        assertThat(text).matches("[A-Z][A-Za-z ,.]*\\.").doesNotContain("  ");
        assertThat(Character.isUpperCase(text.charAt(0))).isTrue();
    }

    @Test
    @DisplayName("a one-chunk answer is still a sentence")
    void singleChunk() {
        assertThat(AnswerText.chunks("tiny", 1)).singleElement().asString().endsWith(".");
    }

    @Test
    @DisplayName("zero chunks is refused")
    void zeroChunksRefused() {
        assertThatThrownBy(() -> AnswerText.chunks("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
