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
    @DisplayName("versions: a failed answer regenerated into a good one sees only the turns before it; an edit starts a "
            + "branch the next prompt builds on; the old branch can be shown again; a regenerate during an answer is 409")
    void regenerateEditAndSelect() throws Exception {
        String token = post("/api/auth/dev-token", "{\"user_id\":\"e2e-carol\"}", null).get("token").asText();
        JsonNode first = post("/api/chat/send", "{\"prompt\":\"Hello there\"}", token);
        String session = first.get("session_id").asText();
        String q1 = first.get("request_id").asText();
        assertThat(readSse("/api/chat/stream?request_id=" + q1, token).lastEvent()).isEqualTo("done");

        // Turn 2 fails on every attempt of the worker (3); its regenerate is the conversation's 4th attempt.
        String q2 = sendWhenFree(token, "{\"session_id\":\"" + session + "\",\"prompt\":\"[sim:fail-first=3] [sim:count]\"}");
        assertThat(readSse("/api/chat/stream?request_id=" + q2, token).lastEvent()).isEqualTo("error");
        String q2b = sendWhenFree(token, "/api/chat/regenerate", "{\"version_of\":\"" + q2 + "\"}");
        StreamedAnswer regenerated = readSse("/api/chat/stream?request_id=" + q2b, token);
        assertThat(regenerated.lastEvent()).isEqualTo("done");
        assertThat(regenerated.text()).as("turn 1 and the prompt: no trace of the failed attempt")
                .contains("user=2 assistant=1");
        JsonNode history = awaitHistory(token, session, 4, q2b);
        assertThat(history.get(3).get("status").asText()).isEqualTo("completed");
        assertThat(history.get(3).get("versions")).extracting(JsonNode::asText).containsExactly(q2, q2b);

        // Edit turn 1: a branch of its own; the next prompt sees the edited turn only.
        String q1e = sendWhenFree(token, "{\"session_id\":\"" + session + "\",\"version_of\":\"" + q1
                + "\",\"prompt\":\"[sim:count] Hello, edited\"}");
        assertThat(readSse("/api/chat/stream?request_id=" + q1e, token).text()).contains("user=1 assistant=0");
        String q2e = sendWhenFree(token, "{\"session_id\":\"" + session + "\",\"prompt\":\"[sim:count] and then?\"}");
        assertThat(readSse("/api/chat/stream?request_id=" + q2e, token).text()).contains("user=2 assistant=1");
        JsonNode edited = awaitHistory(token, session, 4, q2e);
        assertThat(edited.get(0).get("content").asText()).isEqualTo("[sim:count] Hello, edited");
        assertThat(edited.get(0).get("versions")).extracting(JsonNode::asText).containsExactly(q1, q1e);

        // Back to the first version of turn 1: its branch, at its newest prompt (the regenerate).
        JsonNode shown = post("/api/chat/select-version", "{\"request_id\":\"" + q1 + "\"}", token);
        assertThat(shown.get("head_request_id").asText()).isEqualTo(q2b);
        JsonNode old = awaitHistory(token, session, 4, q2b);
        assertThat(old.get(0).get("content").asText()).isEqualTo("Hello there");

        // One answer at a time: a regenerate while an answer is written is refused and changes nothing.
        String slow = sendWhenFree(token, "{\"session_id\":\"" + session + "\",\"prompt\":\"[sim:delay=3000,10] slow\"}");
        HttpResponse<String> busy = http.send(request("/api/chat/regenerate", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version_of\":\"" + q1 + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(busy.body()).at("/error/code").asText()).isEqualTo("SESSION_BUSY");
        assertThat(readSse("/api/chat/stream?request_id=" + slow, token).lastEvent()).isEqualTo("done");
        assertThat(awaitHistory(token, session, 6, slow).get(0).get("versions")).hasSize(2);
    }

    /** Sends once the previous answer was recorded (the session frees a moment after the stream's end). */
    private String sendWhenFree(String token, String body) throws Exception {
        return sendWhenFree(token, "/api/chat/send", body);
    }

    private String sendWhenFree(String token, String path, String body) throws Exception {
        String[] requestId = new String[1];
        await(path).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> r = http.send(request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isIn(202, 409);
            if (r.statusCode() == 202) {
                requestId[0] = JSON.readTree(r.body()).get("request_id").asText();
            }
            return r.statusCode() == 202;
        });
        return requestId[0];
    }

    /** The history once it shows {@code count} messages, the last of them {@code lastRequest}'s. */
    private JsonNode awaitHistory(String token, String session, int count, String lastRequest) {
        JsonNode[] messages = new JsonNode[1];
        await("history ending with " + lastRequest).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    messages[0] = get("/api/chat/sessions/" + session + "/messages", token).get("messages");
                    return messages[0].size() == count
                            && messages[0].get(count - 1).get("request_id").asText().equals(lastRequest)
                            && !messages[0].get(count - 1).get("status").asText().matches("queued|streaming");
                });
        return messages[0];
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
