package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerTextTest {

    private static final String CHINESE = "请解释一下流式输出是怎么工作的？";

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
        // FNV-1a and java.util.Random are both fully specified, so these values never change;
        // tests in other modules compare with AnswerText and may rely on it.
        assertThat(AnswerText.seedOf("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(AnswerText.seedOf("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(AnswerText.chunks("Explain streaming answers", 5))
                .containsExactly("The ", "browser ", "also builds ", "the ", "error message.");
        assertThat(AnswerText.chunks("你好 [sim:chunks=3]", 3)).containsExactly("客户端", "返回", "最终消息。");
    }

    @Test
    @DisplayName("every answer has exactly the requested chunks, none of them empty, in English and in Chinese")
    void exactChunkCount() {
        for (String seed : List.of("shape", CHINESE)) {
            IntStream.concat(IntStream.rangeClosed(1, 300), IntStream.of(1_000, 4_096, 10_000)).forEach(n ->
                    assertThat(AnswerText.chunks(seed, n)).as("%s, %d chunks", seed, n).hasSize(n)
                            .allSatisfy(chunk -> assertThat(chunk).isNotEmpty()));
        }
    }

    @Test
    @DisplayName("up to eight chunks the answer is one paragraph of plain sentences, so its rendered text is its raw text")
    void shortAnswersArePlainProse() {
        for (int n = 1; n <= AnswerText.PROSE_ONLY_CHUNKS; n++) {
            for (String seed : List.of("Tell me more " + n, "fine " + n + " [sim:chunks=5]")) {
                String text = AnswerText.text(seed, n);
                assertThat(text).as(seed).matches("[A-Z][A-Za-z ,.]*\\.").doesNotContain("  ");
                assertThat(AnswerText.visibleText(seed, n)).isEqualTo(text);
            }
            assertThat(AnswerText.text(CHINESE, n)).doesNotContainPattern("[A-Za-z#*`|\\[\\]\\n ]").endsWith("。");
        }
    }

    @Test
    @DisplayName("a one-chunk answer is still a whole sentence")
    void singleChunk() {
        assertThat(AnswerText.chunks("tiny", 1)).singleElement().asString().matches("[A-Z].* .*\\.");
    }

    @Test
    @DisplayName("a hundred chunks hold a heading, a paragraph, bullets, numbered steps, a fenced code block, a table and a link")
    void longerAnswersAreMarkdown() {
        String text = AnswerText.text("What can the product do?", 100);

        assertThat(text).containsPattern("(?m)^## \\S")
                .containsPattern("(?m)^- \\*\\*\\w[\\w ]*\\*\\*: \\S")
                .containsPattern("(?m)^1\\. \\S").containsPattern("(?m)^2\\. \\S")
                .containsPattern("(?m)^```(java|python|bash)$")
                .containsPattern("(?m)^\\| .+ \\|$").contains("| --- | --- | --- |")
                .containsPattern("\\[[a-z][a-z ]+]\\(https://example\\.com/[a-z/-]+\\)")
                .containsPattern("\\.\\n\\n[A-Z]");
    }

    @Test
    @DisplayName("the structure grows with the chunk count")
    void structureGrows() {
        assertThat(headings(AnswerText.text("grow", 24))).isBetween(1L, 3L);
        assertThat(headings(AnswerText.text("grow", 1_000))).isGreaterThan(30);
        assertThat(headings(AnswerText.text("grow", 9))).isZero();
    }

    @Test
    @DisplayName("the text is well-formed for any count: fences closed, table rows whole, blocks apart, a full stop at the end")
    void wellFormedForAnyCount() {
        for (String seed : List.of("form", CHINESE)) {
            for (int n = 1; n <= 400; n++) {
                String text = AnswerText.text(seed, n);
                List<String> lines = Arrays.asList(text.split("\n", -1));
                assertThat(lines.stream().filter(line -> line.startsWith("```")).count() % 2).as("fences of %d", n).isZero();
                assertThat(lines).filteredOn(line -> line.startsWith("|")).allMatch(line -> line.endsWith(" |"));
                assertThat(text).as("%s, %d chunks", seed, n).doesNotContain("\n\n\n").doesNotContainPattern(" \\n")
                        .doesNotStartWith("\n").matches("(?s).*[.。]");
                assertThat(text.indexOf("```")).as("a code block never comes last").isLessThan(Math.max(0, text.lastIndexOf("\n\n")));
            }
        }
    }

    @Test
    @DisplayName("a prompt with Chinese characters gets a Chinese answer: Chinese words, punctuation, headings and table headers")
    void chineseAnswers() {
        String text = AnswerText.text(CHINESE, 100);

        assertThat(text.substring(0, text.indexOf("\n\n"))).as("the opening paragraph")
                .contains("，", "。").doesNotContainPattern("[A-Za-z ,.]");
        assertThat(text.lines().filter(line -> line.startsWith("## ")))
                .isNotEmpty().allMatch(line -> line.codePoints().skip(3).allMatch(CjkText::isHan));
        assertThat(text.lines().filter(line -> line.startsWith("| ")).findFirst().orElseThrow())
                .matches("\\| \\p{IsHan}+ \\| \\p{IsHan}+ \\| \\p{IsHan}+ \\|");
        assertThat(AnswerText.text("An English question", 100)).doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    @DisplayName("the visible text is the answer without its Markdown syntax")
    void visibleText() {
        String visible = AnswerText.visibleText("What can the product do?", 100);

        assertThat(visible).doesNotContain("## ", "**", "```", "| ", "](", "- **");
        assertThat(isSubsequence(visible.replaceAll("\\s+", ""),
                AnswerText.text("What can the product do?", 100).replaceAll("\\s+", ""))).isTrue();
    }

    @Test
    @DisplayName("an answer of 100 000 chunks is generated in well under a second, in linear time")
    void cheap() {
        AnswerText.chunks("warm up", 100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 5; i++) {
                assertThat(AnswerText.chunks("benchmark " + i, 100_000)).hasSize(100_000);
            }
        });
    }

    @Test
    @DisplayName("zero chunks is refused")
    void zeroChunksRefused() {
        assertThatThrownBy(() -> AnswerText.chunks("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean isSubsequence(String part, String whole) {
        int at = 0;
        for (int i = 0; i < whole.length() && at < part.length(); i++) {
            if (whole.charAt(i) == part.charAt(at)) {
                at++;
            }
        }
        return at == part.length();
    }

    private static long headings(String text) {
        return text.lines().filter(line -> line.startsWith("## ")).count();
    }
}
