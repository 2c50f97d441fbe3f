package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The walking skeleton's proof: the stack started the way the README starts it (real processes:
 * Kafka, Redis, MariaDB, simulator, four services), a prompt sent over HTTP, the answer read as
 * SSE to "done", and the same text found in the history API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RunningStack stack;
    private String gateway;

    @BeforeAll
    void startStack() throws Exception {
        stack = RunningStack.start("e2e");
        gateway = stack.gateway();
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @DisplayName("a prompt sent over HTTP streams as SSE to done and the same text is in the history")
    void chatEndToEnd() throws Exception {
        String token = post("/api/auth/dev-token", "{\"user_id\":\"e2e-alice\"}", null).get("token").asText();

        JsonNode accepted = post("/api/chat/send", "{\"prompt\":\"Tell me about event-driven systems\"}", token);
        String requestId = accepted.get("request_id").asText();
        String sessionId = accepted.get("session_id").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("accepted");

        StreamedAnswer answer = readSse("/api/chat/stream?request_id=" + requestId, token);
        assertThat(answer.text()).isNotBlank();
        assertThat(answer.lastEvent()).isEqualTo("done");
        assertThat(answer.ids()).as("seq ids 1..n without gaps").isEqualTo(
                java.util.stream.LongStream.rangeClosed(1, answer.ids().size()).boxed().toList());

        await("the answer in the history").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode messages = get("/api/chat/sessions/" + sessionId + "/messages", token).get("messages");
                    assertThat(messages).hasSize(2);
                    assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
                    assertThat(messages.get(0).get("content").asText()).isEqualTo("Tell me about event-driven systems");
                    assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
                    assertThat(messages.get(1).get("status").asText()).isEqualTo("completed");
                    assertThat(messages.get(1).get("content").asText()).isEqualTo(answer.text());
                });
        JsonNode sessions = get("/api/chat/sessions", token).get("sessions");
        assertThat(sessions).anySatisfy(s -> assertThat(s.get("session_id").asText()).isEqualTo(sessionId));

        String otherToken = post("/api/auth/dev-token", "{\"user_id\":\"e2e-mallory\"}", null).get("token").asText();
        HttpResponse<String> foreign = http.send(request("/api/chat/sessions/" + sessionId + "/messages", otherToken)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).as("another user's session").isIn(403, 404);
    }

    @Test
    @DisplayName("bad input gets a 4xx JSON error, never a 500")
    void badInput() throws Exception {
        String token = post("/api/auth/dev-token", "{\"user_id\":\"e2e-bob\"}", null).get("token").asText();
        HttpResponse<String> malformed = http.send(request("/api/chat/send", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).at("/error/code").asText()).isNotBlank();

        HttpResponse<String> blank = http.send(request("/api/chat/send", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"   \"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(blank.statusCode()).isEqualTo(400);

        HttpResponse<String> anonymous = http.send(request("/api/chat/sessions", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private StreamedAnswer readSse(String path, String token) throws Exception {
        HttpResponse<java.io.InputStream> response = http.send(request(path, token)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        StringBuilder text = new StringBuilder();
        List<Long> ids = new ArrayList<>();
        String event = null;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    ids.add(Long.parseLong(line.substring(3).trim()));
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null) {
                    JsonNode data = JSON.readTree(line.substring(5).trim());
                    if (event.equals("token")) {
                        text.append(data.get("text").asText());
                    } else if (event.equals("reset")) {
                        text.setLength(0);
                    }
                    last = event;
                    if (event.equals("done") || event.equals("error")) {
                        break;
                    }
                }
            }
        }
        return new StreamedAnswer(text.toString(), ids, last);
    }

    private record StreamedAnswer(String text, List<Long> ids, String lastEvent) {
    }

    private JsonNode post(String path, String body, String token) throws Exception {
        HttpResponse<String> response = http.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
