package io.chatstream.query.history.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SnippetTest {

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    @DisplayName("a short message is shown whole, on one line")
    void shortMessage() {
        assertThat(Snippet.of("Plan a trip\n\nto  Rome ", new SearchTerms("rome"), 120)).isEqualTo("Plan a trip to Rome");
    }

    @Test
    @DisplayName("a long message is cut around the first occurrence, with a cut mark at each end that goes on")
    void cutsAroundTheOccurrence() {
        String message = "a".repeat(300) + " Rome " + "b".repeat(300) + " rome";

        String snippet = Snippet.of(message, new SearchTerms("ROME"), 40);

        assertThat(length(snippet)).isEqualTo(40);
        assertThat(snippet).startsWith(Snippet.CUT + "aaa").endsWith("bbb" + Snippet.CUT).contains(" Rome ");
        int at = snippet.indexOf("Rome");
        assertThat(Math.abs(at - (snippet.length() - at - 4))).as("centred").isLessThanOrEqualTo(3);
    }

    @Test
    @DisplayName("an occurrence near either end shows that end without a cut mark")
    void nearTheEnds() {
        String start = Snippet.of("Rome " + "x".repeat(200), new SearchTerms("rome"), 30);
        String end = Snippet.of("x".repeat(200) + " Rome", new SearchTerms("rome"), 30);

        assertThat(start).startsWith("Rome x").endsWith(Snippet.CUT).hasSize(30);
        assertThat(end).startsWith(Snippet.CUT).endsWith("x Rome").hasSize(30);
    }

    @Test
    @DisplayName("without an occurrence (a hit by the title) the message's beginning is shown")
    void noOccurrence() {
        assertThat(Snippet.of("Hello there, " + "y".repeat(200), new SearchTerms("Italy"), 20))
                .isEqualTo("Hello there, yyyyyy" + Snippet.CUT);
    }

    @Test
    @DisplayName("characters outside the BMP are never split, and the length counts characters")
    void wholeCodePoints() {
        String message = "😀".repeat(100) + "天气" + "🎉".repeat(100);

        String snippet = Snippet.of(message, new SearchTerms("天气"), 21);

        assertThat(length(snippet)).isEqualTo(21);
        assertThat(snippet).contains("天气").startsWith(Snippet.CUT + "😀").endsWith("🎉" + Snippet.CUT);
        assertThat(snippet.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp) && cp <= 0xFFFF)).isTrue();
    }

    @Test
    @DisplayName("Chinese text is cut by characters around the match")
    void chinese() {
        String message = "今天天气很好。".repeat(40) + "明天会下雨吗？" + "今天天气很好。".repeat(40);

        String snippet = Snippet.of(message, new SearchTerms("下雨"), 15);

        assertThat(length(snippet)).isEqualTo(15);
        assertThat(snippet).contains("下雨").startsWith(Snippet.CUT).endsWith(Snippet.CUT);
    }

    @Test
    @DisplayName("a snippet length below 3 is refused")
    void tooShort() {
        assertThatThrownBy(() -> Snippet.of("text", new SearchTerms("t"), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
