package io.chatstream.worker.titling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A title the model suggested, cleaned")
class SuggestedTitleTest {

    private static Optional<String> clean(String reply) {
        return SuggestedTitle.clean(reply, 30).map(SuggestedTitle::value);
    }

    @Test
    @DisplayName("a plain short reply is the title as it is")
    void plain() {
        assertThat(clean("Kafka Consumer Groups")).contains("Kafka Consumer Groups");
    }

    @Test
    @DisplayName("Markdown markers, quotes and trailing punctuation are removed")
    void markdownAndQuotes() {
        assertThat(clean("## **\"Kafka Consumer Groups\".**")).contains("Kafka Consumer Groups");
        assertThat(clean("`Spring` _Boot_ ~~tips~~")).contains("Spring Boot tips");
        assertThat(clean("「数据库索引优化」。")).contains("数据库索引优化");
        assertThat(clean("- [Camel routes](https://example.com) explained!")).contains("Camel routes explained");
    }

    @Test
    @DisplayName("a label and the lines after the first are dropped")
    void labelAndLines() {
        assertThat(clean("\n\nTitle: Sourdough Starter\nThis title sums up the talk.")).contains("Sourdough Starter");
        assertThat(clean("标题：周末旅行计划")).contains("周末旅行计划");
    }

    @Test
    @DisplayName("a long reply is cut to the longest length in code points, never inside a pair")
    void cut() {
        assertThat(clean("A very long title that goes on and on past the limit")).contains("A very long title that goes on");
        String emoji = "😀".repeat(40);
        assertThat(SuggestedTitle.clean(emoji, 30)).get()
                .satisfies(t -> assertThat(t.value().codePointCount(0, t.value().length())).isEqualTo(30));
    }

    @Test
    @DisplayName("underscores inside words stay, a reply with nothing left is no title")
    void emptyAndUnderscores() {
        assertThat(clean("max_poll_records tuning")).contains("max_poll_records tuning");
        assertThat(clean("  \"**...**\"  ")).isEmpty();
        assertThat(clean("")).isEmpty();
        assertThat(clean(null)).isEmpty();
    }
}
