package io.chatstream.command.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A session title")
class SessionTitleTest {

    @Test
    @DisplayName("is trimmed")
    void trimmed() {
        assertThat(SessionTitle.parse("  Trip to Rome \t")).contains(new SessionTitle("Trip to Rome"));
    }

    @Test
    @DisplayName("may be 120 code points long, counting an emoji as one, but not 121")
    void length() {
        String emoji = "\uD83D\uDE00";
        assertThat(SessionTitle.parse(emoji.repeat(120))).isPresent();
        assertThat(SessionTitle.parse("a".repeat(121))).isEmpty();
    }

    @Test
    @DisplayName("is refused when empty, blank, or missing")
    void empty() {
        assertThat(SessionTitle.parse("")).isEmpty();
        assertThat(SessionTitle.parse("   ")).isEmpty();
        assertThat(SessionTitle.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("is refused with control characters or a lone surrogate")
    void controlCharacters() {
        assertThat(SessionTitle.parse("two\nlines")).isEmpty();
        assertThat(SessionTitle.parse("nul\u0000")).isEmpty();
        assertThat(SessionTitle.parse("bell\u0007")).isEmpty();
        assertThat(SessionTitle.parse("half \uD83D")).isEmpty();
    }
}
