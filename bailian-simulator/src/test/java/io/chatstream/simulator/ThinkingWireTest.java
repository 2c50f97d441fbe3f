package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Thinking on the raw wire: reasoning deltas before the content, and reasoning tokens in the usage. */
class ThinkingWireTest {

    private static final String THINKING_ON = "{\"enable_thinking\":true,\"result_format\":\"message\",\"incremental_output\":true}";
    private static final String THINKING_OFF = "{\"enable_thinking\":false,\"result_format\":\"message\",\"incremental_output\":true}";

    private static BailianSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ZERO).withInterChunkDelay(Duration.ZERO).withAnswerChunks(4));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @DisplayName("[sim:think=3] sends three reasoning deltas with empty content, then the answer, with reasoning tokens in the usage")
    void reasoningFirst() throws Exception {
        String prompt = "[sim:think=3] why?";
        List<JsonNode> events = RawExchange.events(post("qwen-plus", prompt, THINKING_ON).body());

        assertThat(events).hasSize(3 + 4 + 1);
        List<String> reasoning = ReasoningText.chunks(prompt, 3);
        int reasoningTokens = TokenEstimate.of(String.join("", reasoning));
        for (int i = 0; i < events.size(); i++) {
            JsonNode message = events.get(i).at("/output/choices/0/message");
            JsonNode usage = events.get(i).path("usage");
            if (i < 3) {
                assertThat(message.path("content").asText()).isEmpty();
                assertThat(message.path("reasoning_content").asText()).isEqualTo(reasoning.get(i));
                assertThat(usage.at("/output_tokens_details/reasoning_tokens").asInt())
                        .isEqualTo(TokenEstimate.of(String.join("", reasoning.subList(0, i + 1))));
            } else {
                assertThat(message.path("reasoning_content").isTextual()).isTrue();
                assertThat(message.path("reasoning_content").asText()).isEmpty();
                assertThat(usage.at("/output_tokens_details/reasoning_tokens").asInt()).isEqualTo(reasoningTokens);
            }
        }
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.at("/output/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(last.at("/usage/output_tokens").asInt())
                .isEqualTo(reasoningTokens + TokenEstimate.of(AnswerText.text(prompt, 4)));
    }

    @Test
    @DisplayName("enable_thinking false switches [sim:think=N] off for an ordinary model")
    void switchedOff() throws Exception {
        List<JsonNode> events = RawExchange.events(post("qwen-plus", "[sim:think=3] why?", THINKING_OFF).body());

        assertThat(events).hasSize(4 + 1)
                .allSatisfy(event -> assertThat(event.at("/output/choices/0/message").has("reasoning_content")).isFalse());
    }

    @Test
    @DisplayName("a thinking model (qwq-plus) thinks even with enable_thinking false, in half the answer length without a marker")
    void thinkingModel() throws Exception {
        List<JsonNode> events = RawExchange.events(post("qwq-plus", "why?", THINKING_OFF).body());

        assertThat(events).hasSize(2 + 4 + 1);
        assertThat(events.get(0).at("/output/choices/0/message/reasoning_content").asText()).isNotEmpty();
    }

    @Test
    @DisplayName("a non-streaming thinking answer carries the whole reasoning next to the content")
    void wholeAnswer() throws Exception {
        String prompt = "[sim:think=2] why?";
        JsonNode body = WireFormat.mapper().readTree(RawExchange.post(simulator,
                RawExchange.body("qwen-plus", prompt, THINKING_ON), false).body());

        assertThat(body.at("/output/choices/0/message/reasoning_content").asText()).isEqualTo(ReasoningText.text(prompt, 2));
        assertThat(body.at("/output/choices/0/message/content").asText()).isEqualTo(AnswerText.text(prompt, 4));
        assertThat(body.at("/usage/output_tokens_details/reasoning_tokens").asInt())
                .isEqualTo(TokenEstimate.of(ReasoningText.text(prompt, 2)));
    }

    @Test
    @DisplayName("requests with enable_thinking true are counted")
    void counted() throws Exception {
        long before = simulator.stats().thinkingRequests();

        post("qwen-plus", "hi", THINKING_ON);
        post("qwen-plus", "hi", THINKING_OFF);
        post("qwen-plus", "hi", "{\"incremental_output\":true}");

        assertThat(simulator.stats().thinkingRequests()).isEqualTo(before + 1);
        assertThat(simulator.stats().toString()).contains("thinkingRequests=");
    }

    private static HttpResponse<String> post(String model, String prompt, String parameters) throws Exception {
        HttpResponse<String> response = RawExchange.post(simulator, RawExchange.body(model, prompt, parameters), true);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }
}
