package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Walks docs/runbooks/dlq-replay.md on the whole stack started from the jars (as ./run.sh does):
 * a prompt fails for good, lands in the DLQ, is listed and replayed through the worker's ops API
 * with the local profile's credentials once the provider recovered, and ends completed in the
 * history with exactly one answer; replaying again changes nothing; the replay is on chat.audit.log;
 * the replayed answer is context for the next turn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DlqReplayRunbookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The local profile's documented development credentials of the ops API (runbook step 0). */
    private static final String OPS = "Basic " + Base64.getEncoder()
            .encodeToString("ops:local-ops-password".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RunningStack stack;
    private String gateway;
    private String worker;

    @BeforeAll
    void startStack() throws Exception {
        // C1 only: the services start with far less JIT work, which matters on a busy CI machine;
        // this test measures nothing.
        stack = RunningStack.start("dlq",
                "--service-jvm-opts=-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        gateway = stack.gateway();
        worker = "http://127.0.0.1:" + stack.port("worker-port");
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @DisplayName("a prompt that failed for good is replayed from the DLQ by the runbook and ends completed, once")
    void walkTheRunbook() throws Exception {
        String token = call("POST", gateway + "/api/auth/dev-token", "{\"user_id\":\"runbook-alice\"}", null)
                .body().get("token").asText();
        String bearer = "Bearer " + token;
        // The simulator fails this conversation's first three calls (the worker's whole attempt budget)
        // with 500 InternalError and answers the fourth: a provider outage that is over by replay time.
        String prompt = "[sim:fail-first=3] Summarise the incident " + UUID.randomUUID();
        JsonNode accepted = send(JSON.createObjectNode().put("prompt", prompt), bearer);
        String requestId = accepted.get("request_id").asText();
        String sessionId = accepted.get("session_id").asText();
        String history = gateway + "/api/chat/sessions/" + sessionId + "/messages";

        await("the answer failed in the history").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> assertThat(assistant(call("GET", history, null, bearer).body()))
                        .singleElement().satisfies(m -> assertThat(m.get("status").asText()).isEqualTo("failed")));

        // Runbook step 1: list.
        Reply unauthenticated = call("GET", worker + "/ops/dlq", null, null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        JsonNode entry = await("listed in the DLQ").atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            Reply r = call("GET", worker + "/ops/dlq?error_code=InternalError", null, OPS);
            for (JsonNode e : r.body().get("entries")) {
                if (e.get("request_id").asText().equals(requestId)) {
                    return e;
                }
            }
            return null;
        }, e -> e != null);
        assertThat(entry.get("session_id").asText()).isEqualTo(sessionId);
        assertThat(entry.get("attempts").asInt()).isEqualTo(3);
        assertThat(entry.get("retryable").asBoolean()).isTrue();
        assertThat(entry.get("replayable").asBoolean()).isTrue();

        // Runbook step 2: replay one.
        Reply replay = call("POST", worker + "/ops/dlq/replay",
                "{\"request_id\":\"" + requestId + "\",\"reason\":\"provider recovered\"}", OPS);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("results").get(0).get("result").asText()).isEqualTo("accepted");

        // Runbook step 3: verify in the history (what the user sees on reload).
        await("the replayed answer in the history").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    List<JsonNode> answers = assistant(call("GET", history, null, bearer).body());
                    assertThat(answers).singleElement().satisfies(m -> {
                        assertThat(m.get("status").asText()).isEqualTo("completed");
                        assertThat(m.get("content").asText()).isNotBlank();
                    });
                });
        String answer = assistant(call("GET", history, null, bearer).body()).get(0).get("content").asText();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(
                call("GET", worker + "/ops/dlq/" + requestId, null, OPS).body().get("replay").asText())
                .isEqualTo("completed"));

        // Replaying again changes nothing.
        Reply again = call("POST", worker + "/ops/dlq/replay", "{\"request_id\":\"" + requestId + "\"}", OPS);
        assertThat(again.body().get("results").get(0).get("result").asText()).isEqualTo("already_replayed");
        Thread.sleep(2000);
        JsonNode messages = call("GET", history, null, bearer).body().get("messages");
        assertThat(messages).hasSize(2);
        assertThat(assistant(call("GET", history, null, bearer).body())).singleElement()
                .satisfies(m -> assertThat(m.get("content").asText()).isEqualTo(answer));

        // Runbook step 4: the audit trail.
        List<JsonNode> audit = auditRecords(requestId);
        assertThat(audit).extracting(r -> r.get("action").asText() + ":" + r.get("result").asText()
                + ":" + r.get("actor").asText())
                .contains("dlq.replay:accepted:ops", "dlq.replay.result:completed:ops", "dlq.replay:already_replayed:ops");

        // The command service kept the replayed answer as context: the next turn sends both earlier messages.
        JsonNode next = send(JSON.createObjectNode().put("session_id", sessionId).put("prompt", "[sim:count] and now?"),
                bearer);
        assertThat(next.get("status").asText()).isEqualTo("accepted");
        await("the next turn's answer").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .untilAsserted(() -> {
                    List<JsonNode> answers = assistant(call("GET", history, null, bearer).body());
                    assertThat(answers).hasSize(2);
                    assertThat(answers.get(1).get("content").asText()).contains("user=2").contains("assistant=1");
                });
    }

    /**
     * Sends a prompt with a request id of our own, again while the gateway answers 503 (a loaded
     * machine can exceed the gRPC deadline): the same request id makes the retries idempotent.
     */
    private JsonNode send(com.fasterxml.jackson.databind.node.ObjectNode body, String bearer) {
        body.put("request_id", UUID.randomUUID().toString());
        return await("the prompt accepted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    Reply r = call("POST", gateway + "/api/chat/send", JSON.writeValueAsString(body), bearer);
                    if (r.status() != 202) {
                        throw new IllegalStateException("send -> " + r.status() + " " + r.body());
                    }
                    return r.body();
                }, b -> b != null);
    }

    private List<JsonNode> auditRecords(String target) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + stack.port("kafka-port"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "runbook-audit-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("chat.audit.log"));
            await("audit records of " + target).atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode record = JSON.readTree(r.value());
                    if (record.path("target").asText().equals(target)) {
                        found.add(record);
                    }
                }
                return found.size() >= 3;
            });
        }
        return found;
    }

    private static List<JsonNode> assistant(JsonNode page) {
        List<JsonNode> answers = new ArrayList<>();
        page.get("messages").forEach(m -> {
            if (m.get("role").asText().equals("assistant")) {
                answers.add(m);
            }
        });
        return answers;
    }

    private Reply call(String method, String url, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body()));
    }

    private record Reply(int status, JsonNode body) {
    }
}
