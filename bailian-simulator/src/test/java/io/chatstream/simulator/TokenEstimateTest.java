package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenEstimateTest {

    @Test
    @DisplayName("Latin text costs one token per four characters, rounded up")
    void latin() {
        assertThat(TokenEstimate.of("")).isZero();
        assertThat(TokenEstimate.of("Hi")).isEqualTo(1);
        assertThat(TokenEstimate.of("Hello world!")).isEqualTo(3);
        assertThat(TokenEstimate.of("Hello world!!")).isEqualTo(4);
    }

    @Test
    @DisplayName("each Chinese character and each full-width punctuation mark costs one token")
    void chinese() {
        assertThat(TokenEstimate.of("你好世界")).isEqualTo(4);
        assertThat(TokenEstimate.of("你好，世界。")).isEqualTo(6);
        assertThat(TokenEstimate.of("用 Java 写")).as("2 Han + ceil(6 / 4)").isEqualTo(4);
        assertThat(TokenEstimate.of("請問")).as("traditional characters too").isEqualTo(2);
    }

    @Test
    @DisplayName("added piece by piece, the estimate equals the estimate of the joined text")
    void cumulative() {
        TokenEstimate running = new TokenEstimate();
        StringBuilder joined = new StringBuilder();
        for (String chunk : AnswerText.chunks("中文 and English", 50)) {
            running.add(chunk);
            joined.append(chunk);
            assertThat(running.tokens()).isEqualTo(TokenEstimate.of(joined.toString()));
        }
    }

    @Test
    @DisplayName("a Chinese prompt's input tokens count its characters, plus four per message")
    void chineseInputTokens() throws Exception {
        JsonNode body = WireFormat.mapper().readTree("""
                {"model":"qwen-plus","input":{"messages":[{"role":"system","content":"Be brief."},\
                {"role":"user","content":"请解释一下流式输出"}]}}""");

        assertThat(GenerationRequest.from(body).inputTokens()).isEqualTo((4 + 3) + (4 + 9));
    }
}
