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

/** The provider error scenarios on the raw wire: status, content type and body, byte for byte where it matters. */
class ProviderErrorWireTest {

    private static BailianSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ZERO).withInterChunkDelay(Duration.ZERO).withAnswerChunks(5));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @DisplayName("[sim:error=CODE] answers every known code with its status and a JSON error body, streaming or not")
    void errorAsJson() throws Exception {
        for (ErrorCode error : ErrorCode.known().values()) {
            for (boolean sse : new boolean[] {true, false}) {
                HttpResponse<String> response = post("[sim:error=" + error.code() + "] hi", sse);

                assertThat(response.statusCode()).as(error.code()).isEqualTo(error.status());
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
                JsonNode body = WireFormat.mapper().readTree(response.body());
                assertThat(body.path("code").asText()).isEqualTo(error.code());
                assertThat(body.path("message").asText()).isEqualTo(error.message());
                assertThat(body.path("request_id").asText()).hasSize(36)
                        .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
            }
        }
    }

    @Test
    @DisplayName("[sim:error=CODE] with a code the simulator does not know is a 400 InvalidParameter from the simulator")
    void unknownCode() throws Exception {
        HttpResponse<String> response = post("[sim:error=Throttling.Nope] hi", true);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(WireFormat.mapper().readTree(response.body()).path("code").asText()).isEqualTo("InvalidParameter");
        assertThat(response.body()).contains("Throttling.Nope");
    }

    @Test
    @DisplayName("[sim:error-sse=CODE] sends the same error as one SSE error event with the code's status")
    void errorAsSse() throws Exception {
        HttpResponse<String> response = post("[sim:error-sse=Throttling.AllocationQuota] hi", true);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).isEqualTo("id:1\nevent:error\n:HTTP_STATUS/429\ndata:"
                + "{\"code\":\"Throttling.AllocationQuota\",\"message\":\"Allocated quota exceeded, please increase your quota limit.\","
                + "\"request_id\":\"" + requestId + "\"}\n\n");
    }

    @Test
    @DisplayName("[sim:error-mid=CODE] streams three deltas, then an error event with CODE")
    void errorMidWithCode() throws Exception {
        HttpResponse<String> response = post("[sim:error-mid=DataInspectionFailed] hi", true);

        assertThat(response.statusCode()).isEqualTo(200);
        String[] events = response.body().split("\n\n");
        assertThat(events).hasSize(4);
        assertThat(events[3]).startsWith("id:4\nevent:error\n:HTTP_STATUS/400\ndata:{\"code\":\"DataInspectionFailed\"");
    }

    @Test
    @DisplayName("[sim:html502] is a proxy's 502 HTML page")
    void html502() throws Exception {
        HttpResponse<String> response = post("[sim:html502] hi", true);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(response.body()).startsWith("<html>").contains("<title>502 Bad Gateway</title>", "nginx");
    }

    @Test
    @DisplayName("[sim:plain200] answers an SSE request with the whole answer as one JSON body")
    void plain200() throws Exception {
        String prompt = "[sim:plain200] hi";
        HttpResponse<String> response = post(prompt, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        JsonNode body = WireFormat.mapper().readTree(response.body());
        assertThat(body.at("/output/choices/0/message/content").asText()).isEqualTo(AnswerText.text(prompt, 5));
        assertThat(body.at("/output/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(TokenEstimate.of(AnswerText.text(prompt, 5)));
    }

    @Test
    @DisplayName("each error scenario is counted under its marker name")
    void counted() throws Exception {
        long before = simulator.stats().scenario("html502");

        post("[sim:html502] again", true);

        assertThat(simulator.stats().scenario("html502")).isEqualTo(before + 1);
        assertThat(List.of("error", "error-sse", "error-mid", "plain200"))
                .allSatisfy(name -> assertThat(Outcome.ofMarker(name)).isNotNull());
    }

    private static HttpResponse<String> post(String userText, boolean sse) throws Exception {
        return RawExchange.post(simulator, RawExchange.body("qwen-plus", userText,
                "{\"enable_thinking\":false,\"result_format\":\"message\",\"incremental_output\":true}"), sse);
    }
}
