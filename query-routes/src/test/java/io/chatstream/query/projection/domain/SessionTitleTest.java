package io.chatstream.query.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SessionTitleTest {

    @Test
    @DisplayName("a short prompt is its own title, whitespace folded")
    void shortPrompt() {
        assertThat(SessionTitle.of("  What is\n\nKafka? ")).isEqualTo("What is Kafka?");
    }

    @Test
    @DisplayName("a long prompt is cut at the last word boundary before 60 characters")
    void cutAtWord() {
        String prompt = "Explain how event driven architectures keep read models consistent with commands";
        String title = SessionTitle.of(prompt);
        assertThat(title).isEqualTo("Explain how event driven architectures keep read models…");
        assertThat(title.length()).isLessThanOrEqualTo(61);
    }

    @Test
    @DisplayName("text without spaces is cut at the limit")
    void cutWithoutSpaces() {
        String prompt = "请".repeat(80);
        assertThat(SessionTitle.of(prompt)).isEqualTo("请".repeat(60) + "…");
    }
}
