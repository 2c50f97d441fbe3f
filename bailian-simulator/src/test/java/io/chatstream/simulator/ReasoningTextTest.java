package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReasoningTextTest {

    @Test
    @DisplayName("reasoning comes in exactly the asked pieces, none empty, the same for the same prompt")
    void exactAndDeterministic() {
        IntStream.of(1, 2, 3, 9, 40, 500).forEach(n -> assertThat(ReasoningText.chunks("why?", n)).hasSize(n)
                .allSatisfy(piece -> assertThat(piece).isNotEmpty()));
        assertThat(ReasoningText.chunks("why?", 12)).isEqualTo(ReasoningText.chunks("why?", 12));
    }

    @Test
    @DisplayName("reasoning is plain prose that thinks aloud, and is not the answer")
    void thinksAloud() {
        String reasoning = ReasoningText.text("why is the sky blue?", 30);

        assertThat(reasoning).matches("(Let me|Okay|First|Hmm)[A-Za-z ,.]*\\.");
        assertThat(reasoning).isNotEqualTo(AnswerText.text("why is the sky blue?", 30));
    }

    @Test
    @DisplayName("a Chinese prompt gets Chinese reasoning")
    void chinese() {
        assertThat(ReasoningText.text("天空为什么是蓝色的？", 10)).doesNotContainPattern("[A-Za-z]").contains("。");
    }
}
