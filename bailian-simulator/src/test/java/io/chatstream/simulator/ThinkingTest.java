package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ThinkingTest {

    private static final int ANSWER_CHUNKS = 24;

    @Test
    @DisplayName("[sim:think=N] thinks in N deltas unless enable_thinking is explicitly false")
    void marker() {
        Directives think = Directives.parse("[sim:think=5] hi");

        assertThat(Thinking.reasoningDeltas(request("qwen-plus", null), think, ANSWER_CHUNKS)).isEqualTo(5);
        assertThat(Thinking.reasoningDeltas(request("qwen-plus", true), think, ANSWER_CHUNKS)).isEqualTo(5);
        assertThat(Thinking.reasoningDeltas(request("qwen-plus", false), think, ANSWER_CHUNKS)).isZero();
    }

    @Test
    @DisplayName("enable_thinking true thinks without a marker, in half the configured answer length")
    void enabled() {
        Directives plain = Directives.parse("hi");

        assertThat(Thinking.reasoningDeltas(request("qwen-plus", true), plain, ANSWER_CHUNKS)).isEqualTo(12);
        assertThat(Thinking.reasoningDeltas(request("qwen-plus", null), plain, ANSWER_CHUNKS)).isZero();
        assertThat(Thinking.reasoningDeltas(request("qwen-plus", true), plain, 1)).isEqualTo(1);
    }

    @Test
    @DisplayName("qwq*, deepseek-r1* and *-thinking models always think, even with enable_thinking false")
    void thinkingModels() {
        for (String model : List.of("qwq-plus", "qwq-32b", "deepseek-r1", "deepseek-r1-distill-qwen-7b",
                "qwen3-235b-a22b-thinking-2507-thinking", "qwen-plus-thinking")) {
            assertThat(Thinking.alwaysThinks(model)).as(model).isTrue();
            assertThat(Thinking.reasoningDeltas(request(model, false), Directives.parse("[sim:think=3]"), ANSWER_CHUNKS))
                    .isEqualTo(3);
            assertThat(Thinking.reasoningDeltas(request(model, false), Directives.parse("hi"), ANSWER_CHUNKS))
                    .isEqualTo(12);
        }
        assertThat(Thinking.alwaysThinks("qwen-plus")).isFalse();
        assertThat(Thinking.alwaysThinks("deepseek-v3")).isFalse();
        assertThat(Thinking.alwaysThinks("qwen3-thinking-lite")).isFalse();
    }

    @Test
    @DisplayName("thinking_budget caps the reasoning deltas (one token each); without it the wanted number is sent")
    void budget() {
        assertThat(Thinking.reasoningDeltas(request("qwen-plus", true, 3), Directives.parse("[sim:think=8]"),
                ANSWER_CHUNKS)).isEqualTo(3);
        assertThat(Thinking.reasoningDeltas(request("qwq-plus", null, 20), Directives.parse("[sim:think=8]"),
                ANSWER_CHUNKS)).isEqualTo(8);
    }

    private static GenerationRequest request(String model, Boolean enableThinking) {
        return request(model, enableThinking, null);
    }

    private static GenerationRequest request(String model, Boolean enableThinking, Integer budget) {
        return new GenerationRequest(model, List.of(new GenerationRequest.Message("user", "hi")), "[]", null,
                enableThinking, budget);
    }
}
