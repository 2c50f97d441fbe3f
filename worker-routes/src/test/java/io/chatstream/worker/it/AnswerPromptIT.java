package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptCancelled;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.domain.RequestId;
import io.chatstream.worker.WorkerApplication;
import io.chatstream.worker.answering.application.RecentlyCancelled;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class AnswerPromptIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WorkerInfra infra;
    private static KafkaProbe probe;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RecentlyCancelled recentlyCancelled;

    @BeforeAll
    static void startInfra() {
        infra = new WorkerInfra();
        probe = new KafkaProbe(infra.kafka.bootstrapServers());
    }

    @AfterAll
    static void stopInfra() throws Exception {
        probe.close();
        infra.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        infra.register(registry);
    }

    @Test
    @DisplayName("a prompt is streamed to Redis token by token and its outcome says completed with the same text")
    void answersAPrompt(CapturedOutput output) throws Exception {
        PromptSubmitted prompt = submit("Tell me about streams [sim:chunks=6]", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("completed");
        assertThat(outcome.getSessionId()).isEqualTo(prompt.getSessionId());
        assertThat(outcome.getAttempts()).isEqualTo(1);
        assertThat(outcome.getFinishReason()).isEqualTo("stop");
        assertThat(outcome.getUsage().getOutputTokens()).isPositive();
        assertThat(outcome.getModel()).isEqualTo("qwen-plus");
        assertThat(outcome.getTimings().getTotalMs()).isGreaterThanOrEqualTo(outcome.getTimings().getFirstTokenMs());
        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries).extracting(AnswerStreamEntry::getSeq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries.subList(0, entries.size() - 1)).allMatch(e -> e.getKind().equals("token"));
        AnswerStreamEntry done = entries.get(entries.size() - 1);
        assertThat(done.getKind()).isEqualTo("done");
        assertThat(done.getStatus()).isEqualTo("completed");
        assertThat(tokens(entries)).isEqualTo(outcome.getText()).isNotEmpty();
        assertThat(redis.getExpire(RedisKeys.answerStream(prompt.getRequestId()))).isPositive();
        assertThat(redis.opsForHash().get(RedisKeys.requestMeta(prompt.getRequestId()), "status"))
                .isEqualTo("completed");
        assertThat(output.getAll()).doesNotContain(WorkerInfra.API_KEY);
    }

    @Test
    @DisplayName("a fast model's tokens are coalesced into few entries whose joined text is the final text")
    void coalescesAFastModel() throws Exception {
        PromptSubmitted prompt = submit("[sim:chunks=60] [sim:delay=5,1] fast one", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries).extracting(AnswerStreamEntry::getSeq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries.size()).isLessThan(30);
        assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
        assertThat(tokens(entries)).isEqualTo(outcome.getText()).isNotEmpty();
    }

    @Test
    @DisplayName("earlier turns reach the model as one multi-turn conversation")
    void passesTheContext() throws Exception {
        PromptSubmitted prompt = submit("[sim:count] how many?", List.of(
                Prompts.turn("user", "one"), Prompts.turn("assistant", "two"), Prompts.turn("user", "three"), Prompts.turn("assistant", "four")));

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getText()).isEqualTo("messages=5 user=3 assistant=2 system=0");
    }

    @Test
    @DisplayName("a rejected request fails for good: failed outcome, error entry and the prompt in the DLQ")
    void badRequestFails() throws Exception {
        PromptSubmitted prompt = submit("[sim:bad-request] nope", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getErrorCode()).isEqualTo("InvalidParameter");
        assertThat(outcome.getAttempts()).isEqualTo(1);
        AnswerStreamEntry last = entries(prompt.getRequestId()).get(entries(prompt.getRequestId()).size() - 1);
        assertThat(last.getKind()).isEqualTo("error");
        assertThat(last.getErrorCode()).isEqualTo("InvalidParameter");
        ConsumerRecord<String, String> dead = awaitDeadLetter(prompt.getRequestId());
        assertThat(dead.key()).isEqualTo(prompt.getSessionId());
        assertThat(KafkaProbe.header(dead, "chat-error-code")).isEqualTo("InvalidParameter");
        assertThat(KafkaProbe.header(dead, "chat-attempts")).isEqualTo("1");
        assertThat(KafkaProbe.header(dead, "chat-trace-id")).isEqualTo(prompt.getTraceId());
        assertThat(KafkaProbe.header(dead, "chat-first-failure-at")).isNotBlank();
        assertThat(KafkaProbe.header(dead, "chat-last-failure-at")).isNotBlank();
        assertThat(EventJson.read(dead.value(), PromptSubmitted.getDefaultInstance())).isEqualTo(prompt);
    }

    @Test
    @DisplayName("a transient provider failure is retried and the answer completes on the second attempt")
    void retriesATransientFailure() throws Exception {
        PromptSubmitted prompt = submit("[sim:fail-first=1] retry me " + UUID.randomUUID(), List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("completed");
        assertThat(outcome.getAttempts()).isEqualTo(2);
        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries).noneMatch(e -> e.getKind().equals("reset"));
        assertThat(tokens(entries)).isEqualTo(outcome.getText());
    }

    @Test
    @DisplayName("an error in the middle of the stream is retried behind a reset entry")
    void errorMidStreamResets() throws Exception {
        PromptSubmitted prompt = submit("[sim:error-mid] breaks", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getAttempts()).isEqualTo(3);
        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries).filteredOn(e -> e.getKind().equals("reset")).extracting(AnswerStreamEntry::getAttempt)
                .containsExactly(2, 3);
        assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("error");
    }

    @Test
    @DisplayName("a connection cut mid-stream is retried behind reset entries, then fails as a transport error")
    void connectionCut() throws Exception {
        PromptSubmitted prompt = submit("[sim:cut] [sim:chunks=8] cut me", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getErrorCode()).isEqualTo("response_error");
        assertThat(outcome.getAttempts()).isEqualTo(3);
        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries).extracting(AnswerStreamEntry::getSeq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(tokens(entries)).isEqualTo(outcome.getText());
    }

    @Test
    @DisplayName("throttling is retried and reported with its code when it persists")
    void throttling() throws Exception {
        PromptSubmitted prompt = submit("[sim:throttle] busy", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getErrorCode()).isEqualTo("Throttling.RateQuota");
        assertThat(outcome.getAttempts()).isEqualTo(3);
    }

    @Test
    @DisplayName("a moderation refusal mid-stream: the Redis stream keeps only reset and error, no text is published, "
            + "nothing is parked, and the failure is counted by class and code")
    void moderationWithdrawsText() throws Exception {
        PromptSubmitted prompt = submit("[sim:error-mid=DataInspectionFailed] [sim:delay=5,50] flagged", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getErrorCode()).isEqualTo("DataInspectionFailed");
        assertThat(outcome.getText()).isEmpty();
        assertThat(outcome.getAttempts()).as("never retried").isEqualTo(1);
        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries).extracting(AnswerStreamEntry::getKind).containsExactly("reset", "error");
        assertThat(entries.get(0).getSeq()).as("the withdrawn text took seq 1..n").isGreaterThan(1);
        assertThat(meters.get("chat.worker.failures").tags("failure_class", "moderated", "error_code",
                "DataInspectionFailed").counter().count()).isGreaterThanOrEqualTo(1);
        PromptSubmitted next = submit("after the refusal", List.of());
        awaitOutcome(next.getRequestId());
        assertThat(probe.deadLetters).as("not parked").noneMatch(r -> r.value().contains(prompt.getRequestId()));
    }

    @Test
    @DisplayName("an unpaid account is not retried, is parked for replay and counted as a billing failure")
    void billingIsParked() throws Exception {
        PromptSubmitted prompt = submit("[sim:error=Arrearage] anything", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getErrorCode()).isEqualTo("Arrearage");
        assertThat(outcome.getAttempts()).isEqualTo(1);
        await().atMost(WAIT).until(() -> probe.deadLetters.stream().anyMatch(r -> r.value().contains(prompt.getRequestId())));
        assertThat(meters.get("chat.worker.failures").tags("failure_class", "billing", "error_code", "Arrearage")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("a prompt sent with thinking: enable_thinking reaches the model, its reasoning streams as thinking "
            + "entries before the answer, and the outcome carries it apart from the text")
    void thinking() throws Exception {
        PromptSubmitted asked = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8),
                "[sim:think=4] [sim:chunks=3] think first", List.of()).toBuilder().setThinking(true).build();
        probe.send("chat.prompt.submitted", asked.getSessionId(), EventJson.write(asked));

        AnswerCompleted outcome = awaitOutcome(asked.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("completed");
        List<AnswerStreamEntry> entries = entries(asked.getRequestId());
        assertThat(entries).extracting(AnswerStreamEntry::getKind).startsWith("thinking", "thinking", "thinking", "thinking")
                .endsWith("done").filteredOn("thinking"::equals).hasSize(4);
        String streamedReasoning = entries.stream().filter(e -> e.getKind().equals("thinking"))
                .map(AnswerStreamEntry::getText).collect(java.util.stream.Collectors.joining());
        assertThat(outcome.getReasoning()).isNotEmpty().isEqualTo(streamedReasoning);
        assertThat(outcome.getText()).isEqualTo(tokens(entries)).doesNotContain(streamedReasoning);
    }

    @Test
    @DisplayName("an unreadable payload goes to the DLQ and the next prompt is still answered")
    void skipsGarbage() throws Exception {
        String marker = "garbage-" + UUID.randomUUID();
        probe.send("chat.prompt.submitted", "session-garbage", "{not json " + marker);
        PromptSubmitted prompt = submit("after the garbage", List.of());

        assertThat(awaitOutcome(prompt.getRequestId()).getStatus()).isEqualTo("completed");
        ConsumerRecord<String, String> dead = await().atMost(WAIT).until(() -> probe.deadLetters.stream()
                .filter(r -> r.value().contains(marker)).findFirst(), java.util.Optional::isPresent).get();
        assertThat(KafkaProbe.header(dead, "chat-error-code")).isEqualTo("UNREADABLE_EVENT");
    }

    @Test
    @DisplayName("a redelivered prompt that was answered is not answered again")
    void redeliveryIsIgnored() throws Exception {
        PromptSubmitted prompt = submit("once only", List.of());
        awaitOutcome(prompt.getRequestId());
        int entriesBefore = entries(prompt.getRequestId()).size();

        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        PromptSubmitted next = submit(prompt.getSessionId(), "next one", List.of());
        awaitOutcome(next.getRequestId());
        Thread.sleep(300);

        assertThat(probe.outcomes.get(prompt.getRequestId())).hasSize(1);
        assertThat(entries(prompt.getRequestId())).hasSize(entriesBefore);
    }

    @Test
    @DisplayName("a cancel stops a running answer, which ends as stopped with the partial text")
    void stopsAnAnswer() throws Exception {
        PromptSubmitted prompt = submit("[sim:chunks=200] [sim:delay=5,100] a long one", List.of());
        await().atMost(WAIT).until(() -> !entries(prompt.getRequestId()).isEmpty());
        String cancel = EventJson.write(PromptCancelled.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(prompt.getRequestId()).setSessionId(prompt.getSessionId())
                .setUserId(prompt.getUserId()).build());

        // The cancel consumer starts at "latest": repeat until it has joined and acted.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            probe.send("chat.prompt.cancelled", prompt.getSessionId(), cancel);
            return probe.outcomes.containsKey(prompt.getRequestId());
        });

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());
        assertThat(outcome.getStatus()).isEqualTo("stopped");
        List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
        assertThat(entries.get(entries.size() - 1).getStatus()).isEqualTo("stopped");
        assertThat(tokens(entries)).isEqualTo(outcome.getText());
        assertThat(entries.size()).isLessThan(200);
    }

    @Test
    @DisplayName("a cancel that arrives before its prompt ends the prompt at once as stopped, without a model call")
    void cancelBeforeThePrompt() throws Exception {
        PromptSubmitted prompt = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8),
                "[sim:echo] never to be answered", List.of());
        awaitCancelKnown(prompt);
        long echoes = infra.simulator.stats().scenario("echo");

        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());
        assertThat(outcome.getStatus()).isEqualTo("stopped");
        assertThat(outcome.getText()).isEmpty();
        assertThat(entries(prompt.getRequestId())).singleElement().satisfies(done -> {
            assertThat(done.getKind()).isEqualTo("done");
            assertThat(done.getStatus()).isEqualTo("stopped");
            assertThat(done.getSeq()).isEqualTo(1);
        });
        assertThat(infra.simulator.stats().scenario("echo")).isEqualTo(echoes);
    }

    @Test
    @DisplayName("a stop reaches a running answer quickly: cancel published -> done entry with status stopped")
    void stopLatency() throws Exception {
        // Make sure this instance's cancel consumer has joined before timing anything.
        awaitCancelKnown(Prompts.prompt("session-warmup", "warm-up", List.of()));
        PromptSubmitted prompt = submit("[sim:chunks=400] [sim:delay=5,50] a long one", List.of());
        await().atMost(WAIT).until(() -> entries(prompt.getRequestId()).size() >= 2);

        long started = System.nanoTime();
        probe.send("chat.prompt.cancelled", prompt.getSessionId(), cancelOf(prompt));
        await().atMost(WAIT).pollInterval(Duration.ofMillis(2)).until(() -> {
            List<AnswerStreamEntry> entries = entries(prompt.getRequestId());
            AnswerStreamEntry last = entries.get(entries.size() - 1);
            return last.getKind().equals("done") && last.getStatus().equals("stopped");
        });
        long stopMs = Duration.ofNanos(System.nanoTime() - started).toMillis();

        System.out.println("FIGURE worker.stop_latency_ms=" + stopMs);
        // Measured 16-18 ms while other builds shared the two cores: the 500 ms target has ample headroom.
        assertThat(stopMs).isLessThan(500);
    }

    private void awaitCancelKnown(PromptSubmitted prompt) {
        String cancel = cancelOf(prompt);
        RequestId id = new RequestId(prompt.getRequestId());
        // The cancel consumer starts at "latest": repeat until it has joined and remembered the id.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            probe.send("chat.prompt.cancelled", prompt.getSessionId(), cancel);
            return recentlyCancelled.contains(id);
        });
    }

    private static String cancelOf(PromptSubmitted prompt) {
        return EventJson.write(PromptCancelled.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(prompt.getRequestId()).setSessionId(prompt.getSessionId())
                .setUserId(prompt.getUserId()).build());
    }

    @Test
    @DisplayName("offsets are committed once outcomes are published, in partition order")
    void commitsOffsets() throws Exception {
        String session = "session-" + UUID.randomUUID().toString().substring(0, 8);
        PromptSubmitted first = Prompts.prompt(session, "first", List.of());
        RecordMetadata sent = probe.send("chat.prompt.submitted", session, EventJson.write(first));
        awaitOutcome(first.getRequestId());
        PromptSubmitted second = submit(session, "second", List.of());
        awaitOutcome(second.getRequestId());

        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(WAIT).until(() -> KafkaProbe.committed(infra.kafka.bootstrapServers(), "worker", partition),
                offset -> offset >= sent.offset() + 1);
    }

    @Test
    @DisplayName("a long answer does not hold up a short one behind it on the same partition")
    void answersConcurrently() throws Exception {
        String session = "session-" + UUID.randomUUID().toString().substring(0, 8);
        PromptSubmitted slow = submit(session, "[sim:chunks=40] [sim:delay=5,100] slow one", List.of());
        PromptSubmitted quick = submit(session, "quick one", List.of());

        awaitOutcome(quick.getRequestId());

        assertThat(probe.outcomes).doesNotContainKey(slow.getRequestId());
        assertThat(awaitOutcome(slow.getRequestId()).getStatus()).isEqualTo("completed");
    }

    @Test
    @DisplayName("a provider that never sends a token times out on every attempt and the answer fails with TIMEOUT")
    void stallTimesOut() throws Exception {
        PromptSubmitted prompt = submit("[sim:stall] silence", List.of());

        AnswerCompleted outcome = awaitOutcome(prompt.getRequestId());

        assertThat(outcome.getStatus()).isEqualTo("failed");
        assertThat(outcome.getErrorCode()).isEqualTo("TIMEOUT");
        assertThat(outcome.getAttempts()).isEqualTo(3);
        assertThat(KafkaProbe.header(awaitDeadLetter(prompt.getRequestId()), "chat-error-code")).isEqualTo("TIMEOUT");
    }

    @Test
    @DisplayName("answers are counted by status and the first token is timed")
    void metrics() throws Exception {
        PromptSubmitted prompt = submit("count me", List.of());
        awaitOutcome(prompt.getRequestId());

        assertThat(meters.find("chat.worker.answers").tag("status", "completed").counter().count()).isPositive();
        assertThat(meters.find("chat.worker.first_token").timer().count()).isPositive();
        assertThat(meters.find("chat.worker.tokens").tag("direction", "output").counter().count()).isPositive();
        assertThat(meters.find("chat.worker.inflight").gauge()).isNotNull();
        assertThat(meters.find("chat.worker.breaker.state").gauge().value()).isZero();

        awaitOutcome(submit("[sim:bad-request] parked", List.of()).getRequestId());
        await().atMost(WAIT).until(() -> meters.find("chat.worker.dead_letters").tag("error_code", "InvalidParameter")
                .counter() != null);
    }

    private static PromptSubmitted submit(String text, List<ContextTurn> context) throws Exception {
        return submit("session-" + UUID.randomUUID().toString().substring(0, 8), text, context);
    }

    private static PromptSubmitted submit(String session, String text, List<ContextTurn> context) throws Exception {
        PromptSubmitted prompt = Prompts.prompt(session, text, context);
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        return prompt;
    }

    private static AnswerCompleted awaitOutcome(String requestId) {
        return await().atMost(WAIT).until(() -> probe.outcomes.get(requestId), o -> o != null && !o.isEmpty()).get(0);
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(String requestId) {
        return await().atMost(WAIT).until(() -> probe.deadLetters.stream()
                .filter(r -> r.value().contains(requestId)).findFirst(), java.util.Optional::isPresent).get();
    }

    private List<AnswerStreamEntry> entries(String requestId) {
        return AnswerStreamReader.entries(redis, requestId);
    }

    private static String tokens(List<AnswerStreamEntry> entries) {
        return AnswerStreamReader.tokens(entries);
    }
}
