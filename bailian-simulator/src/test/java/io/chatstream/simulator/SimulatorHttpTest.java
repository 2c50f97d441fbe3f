package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The raw wire, byte for byte, and the validation a client library would never let through. */
class SimulatorHttpTest {

    private static final String VALID_BODY = """
            {"model":"qwen-plus","input":{"messages":[{"role":"system","content":"You are a test."},\
            {"role":"user","content":"say hi [sim:chunks=2]"}]},\
            "parameters":{"enable_thinking":false,"result_format":"message","incremental_output":true}}""";

    private static BailianSimulator simulator;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ZERO).withInterChunkDelay(Duration.ZERO));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @DisplayName("baseUrl is what LangChain4j needs: loopback, the bound port, ending in /api/v1")
    void baseUrl() {
        assertThat(simulator.port()).isPositive();
        assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port() + "/api/v1");
    }

    @Test
    @DisplayName("a stream is DashScope SSE: id, event:result, the status comment, JSON data; no [DONE]")
    void sseFrames() throws Exception {
        HttpResponse<String> response = post(VALID_BODY, "Bearer sk-test", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream;charset=UTF-8");
        List<String> events = Arrays.asList(response.body().split("\n\n"));
        assertThat(events).hasSize(3);
        String requestId = null;
        for (int i = 0; i < events.size(); i++) {
            String[] lines = events.get(i).split("\n");
            assertThat(lines).hasSize(4);
            assertThat(lines[0]).isEqualTo("id:" + (i + 1));
            assertThat(lines[1]).isEqualTo("event:result");
            assertThat(lines[2]).isEqualTo(":HTTP_STATUS/200");
            assertThat(lines[3]).startsWith("data:{");
            JsonNode data = WireFormat.mapper().readTree(lines[3].substring(5));
            JsonNode choice = data.path("output").path("choices").path(0);
            boolean last = i == events.size() - 1;
            assertThat(choice.path("finish_reason").asText()).isEqualTo(last ? "stop" : "null");
            assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
            assertThat(choice.path("message").path("content").asText()).isEqualTo(last ? ""
                    : AnswerText.chunks("say hi [sim:chunks=2]", 2).get(i));
            int outputTokens = TokenEstimate.of(String.join("",
                    AnswerText.chunks("say hi [sim:chunks=2]", 2).subList(0, Math.min(i + 1, 2))));
            assertThat(data.path("usage").path("input_tokens").asInt()).isEqualTo(4 + 4 + 4 + 6);
            assertThat(data.path("usage").path("output_tokens").asInt()).isEqualTo(outputTokens);
            assertThat(data.path("usage").path("total_tokens").asInt()).isEqualTo(18 + outputTokens);
            assertThat(data.path("usage").has("output_tokens_details")).as("no thinking, no reasoning tokens").isFalse();
            assertThat(choice.path("message").has("reasoning_content")).isFalse();
            requestId = requestId == null ? data.path("request_id").asText() : requestId;
            assertThat(data.path("request_id").asText()).isEqualTo(requestId).hasSize(36);
        }
        assertThat(response.body()).doesNotContain("[DONE]").endsWith("\n\n");
    }

    @Test
    @DisplayName("[sim:stamp] starts every delta with its emit time, in the same frames")
    void stampedDeltas() throws Exception {
        long before = EmitStamp.micros(java.time.Instant.now());
        HttpResponse<String> response = post(VALID_BODY.replace("[sim:chunks=2]", "[sim:chunks=2][sim:stamp]"),
                "Bearer sk-test", true);
        long after = EmitStamp.micros(java.time.Instant.now());

        List<String> events = Arrays.asList(response.body().split("\n\n"));
        assertThat(events).hasSize(3);
        for (int i = 0; i < 2; i++) {
            String data = events.get(i).split("\n")[3].substring(5);
            String content = WireFormat.mapper().readTree(data).path("output").path("choices").path(0)
                    .path("message").path("content").asText();
            assertThat(EmitStamp.find(content).orElseThrow()).isBetween(before, after);
            assertThat(content).endsWith(AnswerText.chunks("say hi [sim:chunks=2][sim:stamp]", 2).get(i));
        }
    }

    @Test
    @DisplayName("without X-DashScope-SSE the whole answer comes as one JSON body")
    void nonStreaming() throws Exception {
        HttpResponse<String> response = post(VALID_BODY, "Bearer sk-test", false);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = WireFormat.mapper().readTree(response.body());
        assertThat(body.at("/output/choices/0/message/content").asText())
                .isEqualTo(AnswerText.text("say hi [sim:chunks=2]", 2));
        assertThat(body.at("/output/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    @DisplayName("a missing or blank API key is 401 InvalidApiKey")
    void missingKey() throws Exception {
        for (String authorization : new String[] {null, "Bearer   ", "Basic abc"}) {
            HttpResponse<String> response = post(VALID_BODY, authorization, true);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
            assertThat(WireFormat.mapper().readTree(response.body()).path("code").asText()).isEqualTo("InvalidApiKey");
        }
    }

    @Test
    @DisplayName("bodies without model or messages, or not JSON at all, are 400 InvalidParameter")
    void invalidBodies() throws Exception {
        for (String body : new String[] {
            "", "not json", "[]", "{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}}",
            "{\"model\":\"qwen-plus\",\"input\":{\"messages\":[]}}", "{\"model\":\"qwen-plus\"}",
            "{\"model\":\"qwen-plus\",\"input\":{\"messages\":[{\"content\":\"no role\"}]}}"}) {
            HttpResponse<String> response = post(body, "Bearer sk-test", true);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode error = WireFormat.mapper().readTree(response.body());
            assertThat(error.path("code").asText()).isEqualTo("InvalidParameter");
            assertThat(error.path("request_id").asText()).hasSize(36);
        }
    }

    @Test
    @DisplayName("other paths are 404 and GET on the endpoint is 405, both as JSON")
    void otherRoutes() throws Exception {
        HttpResponse<String> notFound = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + simulator.port() + "/api/v1/compatible-mode/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(
                URI.create(simulator.baseUrl() + "/services/aigc/text-generation/generation")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + simulator.port() + "/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("\"code\":\"NotFound\"");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    @DisplayName("the statistics count requests, rejections and scenarios")
    void statistics() throws Exception {
        long requests = simulator.stats().requests();
        long rejected = simulator.stats().rejected();
        long counts = simulator.stats().scenario("count");

        post(VALID_BODY.replace("say hi [sim:chunks=2]", "[sim:count]"), "Bearer sk-test", true);
        post(VALID_BODY, null, true);

        assertThat(simulator.stats().requests()).isEqualTo(requests + 2);
        assertThat(simulator.stats().rejected()).isEqualTo(rejected + 1);
        assertThat(simulator.stats().scenario("count")).isEqualTo(counts + 1);
        assertThat(simulator.stats().scenarioCounts()).containsKey("count");
        assertThat(simulator.stats().activeStreams()).isZero();
    }

    private static HttpResponse<String> post(String body, String authorization, boolean sse) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(simulator.baseUrl() + "/services/aigc/text-generation/generation"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (sse) {
            request.header("X-DashScope-SSE", "enable").header("Accept", "text/event-stream");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
