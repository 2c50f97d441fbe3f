package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.proto.v1.AuditRecord;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.worker.WorkerApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ops API against a real worker, Kafka, Redis and the simulator: list, filter, replay one /
 * a filter / all, refusals, bounds, idempotence (sequential and concurrent), audit records, auth.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DlqReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "it-ops-secret-4242";
    private static WorkerInfra infra;
    private static KafkaProbe probe;
    private static AuditProbe audit;
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeAll
    static void startInfra() {
        infra = new WorkerInfra();
        probe = new KafkaProbe(infra.kafka.bootstrapServers());
        audit = new AuditProbe(infra.kafka.bootstrapServers());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    @AfterAll
    static void stopInfra() throws Exception {
        producer.close();
        audit.close();
        probe.close();
        infra.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        infra.register(registry);
        registry.add("chat.ops.password", () -> PASSWORD);
        registry.add("chat.dlq.replay.max-per-call", () -> "3");
        registry.add("chat.dlq.replay.rate-per-second", () -> "20");
        registry.add("chat.dlq.replay.max-age", () -> "1h");
        registry.add("chat.metrics.kafka-offsets-interval", () -> "1s");
    }

    /**
     * chat.dlq.size{topic="chat.answer.dlq"} (NaN while unknown); read from the registry, as this test
     * does not turn on the Prometheus export (no @AutoConfigureObservability).
     */
    private double dlqSize() {
        io.micrometer.core.instrument.Gauge gauge = meters.find("chat.dlq.size").tag("topic", "chat.answer.dlq").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private OpsClient ops() {
        return new OpsClient("http://127.0.0.1:" + port, "ops", PASSWORD);
    }

    @Test
    @DisplayName("a prompt that failed for good is listed, replayed once the provider recovers, answered once, and audited")
    void replaysAFailedPrompt(CapturedOutput output) throws Exception {
        // fail-first=3: the worker's three attempts fail (500), the fourth call (the replay) succeeds.
        PromptSubmitted prompt = submit("[sim:fail-first=3] recover me " + UUID.randomUUID());
        String id = prompt.getRequestId();
        assertThat(awaitOutcomes(id, 1).get(0).getStatus()).isEqualTo("failed");

        JsonNode entry = awaitListed(id);
        assertThat(entry.get("session_id").asText()).isEqualTo(prompt.getSessionId());
        assertThat(entry.get("error_code").asText()).isEqualTo("InternalError");
        assertThat(entry.get("attempts").asInt()).isEqualTo(3);
        assertThat(entry.get("retryable").asBoolean()).isTrue();
        assertThat(entry.get("replayable").asBoolean()).isTrue();
        assertThat(entry.get("replay").asText()).isEqualTo("none");
        assertThat(entry.get("age_seconds").asLong()).isGreaterThanOrEqualTo(0);
        await().atMost(WAIT).until(this::dlqSize, size -> size >= 1);

        OpsClient.Reply replay = ops().post("/ops/dlq/replay", "{\"request_id\":\"" + id + "\",\"reason\":\"IT\"}");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body().get("results").get(0).get("result").asText()).isEqualTo("accepted");
        assertThat(replay.raw().headers().firstValue("Authorization")).isEmpty();

        AnswerCompleted completed = awaitOutcomes(id, 2).get(1);
        assertThat(completed.getStatus()).isEqualTo("completed");
        assertThat(completed.getText()).isNotBlank();
        List<AnswerStreamEntry> entries = AnswerStreamReader.entries(redis, id);
        assertThat(entries).extracting(AnswerStreamEntry::getSeq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries).extracting(AnswerStreamEntry::getKind).contains("error", "reset");
        assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
        assertThat(AnswerStreamReader.tokens(entries)).isEqualTo(completed.getText());
        assertThat(redis.opsForHash().get(RedisKeys.requestMeta(id), "status")).isEqualTo("completed");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ops().get("/ops/dlq/" + id).body().get("replay").asText()).isEqualTo("completed"));

        OpsClient.Reply again = ops().post("/ops/dlq/replay", "{\"request_id\":\"" + id + "\"}");
        assertThat(again.body().get("results").get(0).get("result").asText()).isEqualTo("already_replayed");
        Thread.sleep(1000);
        assertThat(probe.outcomes.get(id)).hasSize(2);

        await().atMost(WAIT).untilAsserted(() -> assertThat(audit.about(id))
                .extracting(AuditRecord::getAction, AuditRecord::getResult, AuditRecord::getActor)
                .contains(org.assertj.core.groups.Tuple.tuple("dlq.replay", "accepted", "ops"),
                        org.assertj.core.groups.Tuple.tuple("dlq.replay.result", "completed", "ops"),
                        org.assertj.core.groups.Tuple.tuple("dlq.replay", "already_replayed", "ops")));
        assertThat(audit.about(id).get(0).getDetail()).contains("error_code=InternalError").contains("reason=IT");
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(java.util.Base64.getEncoder()
                .encodeToString(("ops:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("ten concurrent replays of one request start one answer")
    void concurrentReplaysAnswerOnce() throws Exception {
        String id = park("ConcurrentTest", Instant.now(), "race me").getRequestId();
        awaitListed(id);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<String> call = () -> ops().post("/ops/dlq/replay", "{\"request_id\":\"" + id + "\"}")
                    .body().get("results").get(0).get("result").asText();
            calls.add(pool.submit(call));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : calls) {
            results.add(f.get());
        }
        pool.shutdown();

        assertThat(results).filteredOn("accepted"::equals).hasSize(1);
        assertThat(results).filteredOn(r -> !r.equals("accepted"))
                .allMatch(r -> r.equals("in_progress") || r.equals("already_replayed"));
        assertThat(awaitOutcomes(id, 1).get(0).getStatus()).isEqualTo("completed");
        Thread.sleep(1500);
        assertThat(probe.outcomes.get(id)).hasSize(1);
    }

    @Test
    @DisplayName("a non-retryable failure and an entry past the age limit are refused unless forced")
    void refusesUnlessForced() throws Exception {
        PromptSubmitted rejected = submit("[sim:bad-request] refused " + UUID.randomUUID());
        String badId = rejected.getRequestId();
        awaitOutcomes(badId, 1);
        JsonNode bad = awaitListed(badId);
        assertThat(bad.get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(bad.get("retryable").asBoolean()).isFalse();

        assertThat(replayOne(badId, false)).isEqualTo("refused_not_retryable");
        assertThat(replayOne(badId, true)).isEqualTo("accepted");
        // forced, but the provider still rejects it: failed again, parked again, replayable again by force
        assertThat(awaitOutcomes(badId, 2).get(1).getStatus()).isEqualTo("failed");
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(ops().get("/ops/dlq/" + badId).body().get("replay").asText()).isEqualTo("failed"));

        String oldId = park("InternalError", Instant.now().minus(Duration.ofHours(2)), "old one").getRequestId();
        JsonNode old = awaitListed(oldId);
        assertThat(old.get("replayable").asBoolean()).isFalse();
        assertThat(old.get("age_seconds").asLong()).isGreaterThanOrEqualTo(7100);
        assertThat(replayOne(oldId, false)).isEqualTo("refused_too_old");
        assertThat(replayOne(oldId, true)).isEqualTo("accepted");
        assertThat(awaitOutcomes(oldId, 1).get(0).getStatus()).isEqualTo("completed");

        String unreadable = parkRaw("UNREADABLE_EVENT", Instant.now(), "{not json");
        assertThat(awaitListed(unreadable).get("retryable").asBoolean()).isFalse();
        assertThat(replayOne(unreadable, true)).isEqualTo("refused_unreadable");
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit.about(badId))
                .extracting(AuditRecord::getResult).contains("refused_not_retryable", "accepted", "failed"));
    }

    @Test
    @DisplayName("a filter lists and replays its matches in bounded calls until none is left")
    void filterAndBounds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(park("BatchTest", Instant.now(), "batch " + i).getRequestId());
        }
        ids.forEach(this::awaitListed);

        JsonNode listed = ops().get("/ops/dlq?error_code=BatchTest&limit=2").body();
        assertThat(listed.get("matched").asInt()).isEqualTo(5);
        assertThat(listed.get("entries")).hasSize(2);
        assertThat(ops().get("/ops/dlq?error_code=BatchTest&older_than=1h").body().get("matched").asInt()).isZero();

        JsonNode first = ops().post("/ops/dlq/replay", "{\"error_code\":\"BatchTest\",\"limit\":50}").body();
        assertThat(first.get("results")).hasSize(3);
        assertThat(first.get("remaining").asInt()).isEqualTo(2);
        JsonNode second = ops().post("/ops/dlq/replay", "{\"error_code\":\"BatchTest\"}").body();
        assertThat(second.get("results")).hasSize(2);
        assertThat(second.get("remaining").asInt()).isZero();
        for (String id : ids) {
            assertThat(awaitOutcomes(id, 1).get(0).getStatus()).isEqualTo("completed");
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode third = ops().post("/ops/dlq/replay", "{\"error_code\":\"BatchTest\"}").body();
            assertThat(third.get("results")).isEmpty();
            assertThat(third.get("skipped").get("already_replayed").asInt()).isEqualTo(5);
        });
        assertThat(ids).allSatisfy(id -> assertThat(probe.outcomes.get(id)).hasSize(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit.records).anySatisfy(r -> {
            assertThat(r.getAction()).isEqualTo("dlq.replay.batch");
            assertThat(r.getTarget()).contains("error_code=BatchTest");
        }));
    }

    @Test
    @DisplayName("without valid credentials every call is 401; bad input is 400 or 404 JSON, never 500")
    void authAndBadInput() throws Exception {
        OpsClient anonymous = new OpsClient("http://127.0.0.1:" + port, null, null);
        OpsClient wrong = new OpsClient("http://127.0.0.1:" + port, "ops", "guess");
        for (OpsClient client : List.of(anonymous, wrong)) {
            OpsClient.Reply list = client.get("/ops/dlq");
            assertThat(list.status()).isEqualTo(401);
            assertThat(list.body().get("error").get("code").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(list.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v ->
                    assertThat(v).startsWith("Basic"));
            assertThat(client.post("/ops/dlq/replay", "{\"all\":true}").status()).isEqualTo(401);
            assertThat(client.get("/ops/dlq/some-id").status()).isEqualTo(401);
        }
        assertThat(audit.records).noneMatch(r -> r.getTarget().contains("error_code=*"));

        for (String body : List.of("", "{", "[]", "{}", "{\"bogus\":1}", "{\"request_id\":\"x\",\"all\":true}",
                "{\"all\":\"yes\"}", "{\"older_than\":\"soon\"}", "{\"all\":true,\"limit\":0}",
                "{\"all\":true,\"limit\":1.5}", "{\"request_id\":42}", "{\"error_code\":\"bad code!\"}")) {
            OpsClient.Reply reply = ops().post("/ops/dlq/replay", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.body().get("error").get("code").asText()).isEqualTo("INVALID_ARGUMENT");
        }
        for (String query : List.of("?limit=0", "?limit=x", "?older_than=3 weeks", "?error_code=%3Cscript%3E")) {
            assertThat(ops().get("/ops/dlq" + query.replace(" ", "%20")).status()).as(query).isEqualTo(400);
        }
        assertThat(ops().get("/ops/dlq/" + UUID.randomUUID()).status()).isEqualTo(404);
        String unknown = UUID.randomUUID().toString();
        assertThat(ops().post("/ops/dlq/replay", "{\"request_id\":\"" + unknown + "\"}").status()).isEqualTo(404);
        await().atMost(WAIT).untilAsserted(() -> assertThat(audit.about(unknown))
                .extracting(AuditRecord::getResult).containsExactly("not_found"));
    }

    private String replayOne(String id, boolean force) throws Exception {
        OpsClient.Reply r = ops().post("/ops/dlq/replay", "{\"request_id\":\"" + id + "\",\"force\":" + force + "}");
        assertThat(r.status()).isEqualTo(200);
        return r.body().get("results").get(0).get("result").asText();
    }

    private JsonNode awaitListed(String id) {
        return await("listed " + id).atMost(WAIT).until(() -> {
            OpsClient.Reply r = ops().get("/ops/dlq/" + id);
            return r.status() == 200 ? r.body() : null;
        }, b -> b != null);
    }

    private static List<AnswerCompleted> awaitOutcomes(String id, int count) {
        return await("outcomes of " + id).atMost(WAIT)
                .until(() -> probe.outcomes.get(id), o -> o != null && o.size() >= count);
    }

    private static PromptSubmitted submit(String text) throws Exception {
        PromptSubmitted prompt = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8), text,
                List.of());
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        return prompt;
    }

    /** A dead letter as the worker parks one, written directly (so its age and code can be chosen). */
    private static PromptSubmitted park(String code, Instant parkedAt, String text) throws Exception {
        PromptSubmitted prompt = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8),
                text + " " + UUID.randomUUID(), List.of());
        send(code, parkedAt, prompt.getSessionId(), EventJson.write(prompt));
        return prompt;
    }

    private static String parkRaw(String code, Instant parkedAt, String payload) throws Exception {
        long offset = send(code, parkedAt, "junk", payload);
        return "unreadable-0-" + offset;
    }

    private static long send(String code, Instant parkedAt, String key, String payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>("chat.answer.dlq", null,
                parkedAt.toEpochMilli(), key, payload);
        record.headers().add("chat-error-code", code.getBytes(StandardCharsets.UTF_8));
        record.headers().add("chat-error-message", "test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("chat-attempts", "3".getBytes(StandardCharsets.UTF_8));
        return producer.send(record).get().offset();
    }
}
