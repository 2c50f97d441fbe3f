package io.chatstream.command.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A prompt text")
class PromptTextTest {

    @Test
    @DisplayName("is the typed text without surrounding white space")
    void trims() {
        PromptText.Parsed parsed = PromptText.parse("  hello 世界 😀 \n", 100);

        assertThat(parsed).isInstanceOfSatisfying(PromptText.Valid.class,
                valid -> assertThat(valid.text().value()).isEqualTo("hello 世界 😀"));
    }

    @Test
    @DisplayName("is empty when nothing but white space was typed")
    void blank() {
        assertThat(PromptText.parse(" \t\n ", 100)).isEqualTo(new PromptText.Invalid(PromptText.Violation.EMPTY));
        assertThat(PromptText.parse(null, 100)).isEqualTo(new PromptText.Invalid(PromptText.Violation.EMPTY));
    }

    @Test
    @DisplayName("is invalid when it holds a NUL character")
    void nul() {
        assertThat(PromptText.parse("a\u0000b", 100)).isEqualTo(new PromptText.Invalid(PromptText.Violation.INVALID));
    }

    @Test
    @DisplayName("is invalid when it holds an unpaired surrogate")
    void unpairedSurrogates() {
        assertThat(PromptText.parse("a\uD83Db", 100)).isEqualTo(new PromptText.Invalid(PromptText.Violation.INVALID));
        assertThat(PromptText.parse("a\uDE00", 100)).isEqualTo(new PromptText.Invalid(PromptText.Violation.INVALID));
        assertThat(PromptText.parse("end\uD83D", 100)).isEqualTo(new PromptText.Invalid(PromptText.Violation.INVALID));
    }

    @Test
    @DisplayName("may be as long as the limit in code points, not longer")
    void limit() {
        String fiveEmoji = "😀".repeat(5);

        assertThat(PromptText.parse(fiveEmoji, 5)).isInstanceOf(PromptText.Valid.class);
        assertThat(PromptText.parse(fiveEmoji + "x", 5))
                .isEqualTo(new PromptText.Invalid(PromptText.Violation.TOO_LARGE));
    }
}
