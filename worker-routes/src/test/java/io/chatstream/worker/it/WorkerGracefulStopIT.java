package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.AnswerStreamEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * SIGTERM of one of two workers while every partition has a short and a long answer running
 * (a rolling restart): the stopping worker finishes and publishes the short ones, hands the long
 * ones over without a terminal entry, and only then leaves the group. Every answer stream ends
 * exactly once, with the text its one outcome carries, so no reader sees a text that differs
 * from the stored one.
 */
class WorkerGracefulStopIT {

    private static final int PARTITIONS = 6;
    private static final Duration GRACE = Duration.ofSeconds(8);
    private static WorkerInfra infra;
    private static KafkaProbe probe;
    private static LettuceConnectionFactory redisConnections;
    private static StringRedisTemplate redis;
    private static final List<Worker> workers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        infra = new WorkerInfra();
        probe = new KafkaProbe(infra.kafka.bootstrapServers());
        redisConnections = new LettuceConnectionFactory(infra.redis.host(), infra.redis.port());
        redisConnections.afterPropertiesSet();
        redis = new StringRedisTemplate(redisConnections);
        List<String> grace = List.of("--chat.worker.shutdown-grace=" + GRACE.toSeconds() + "s");
        workers.add(Worker.start(1, infra, grace));
        workers.add(Worker.start(2, infra, grace));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Worker w : workers) {
            w.process().destroyForcibly().waitFor();
        }
        probe.close();
        redisConnections.destroy();
        infra.close();
    }

    @Test
    @DisplayName("a SIGTERMed worker finishes short answers, hands long ones over, and every stream ends once with its outcome's text")
    void gracefulStopMidAnswers() throws Exception {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> workers.get(0).ready() && workers.get(1).ready() && Worker.stableGroup(infra, 2));
        List<PromptSubmitted> shortOnes = new ArrayList<>();
        List<PromptSubmitted> longOnes = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            // ~3 s: ends within the grace. ~20 s: does not.
            shortOnes.add(send(p, "[sim:chunks=150] [sim:delay=5,20] short " + p));
            longOnes.add(send(p, "[sim:chunks=1500] [sim:delay=5,20] long " + p));
        }
        List<PromptSubmitted> all = new ArrayList<>(shortOnes);
        all.addAll(longOnes);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> all.stream().allMatch(p -> AnswerStreamReader.entries(redis, p.getRequestId()).size() >= 2));

        long sigterm = System.nanoTime();
        workers.get(0).process().destroy();
        assertThat(workers.get(0).process().waitFor(GRACE.toSeconds() + 20, TimeUnit.SECONDS))
                .as("the stopping worker exits after its grace and hand-over").isTrue();
        long stoppedMs = (System.nanoTime() - sigterm) / 1_000_000;

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                .until(() -> all.stream().allMatch(p -> probe.outcomes.containsKey(p.getRequestId())));
        Thread.sleep(2000);
        int handedOver = 0;
        for (PromptSubmitted p : all) {
            List<AnswerCompleted> outcomes = probe.outcomes.get(p.getRequestId());
            assertThat(outcomes).as("outcomes of " + p.getPrompt()).hasSize(1);
            assertThat(outcomes.get(0).getStatus()).isEqualTo("completed");
            List<AnswerStreamEntry> entries = AnswerStreamReader.entries(redis, p.getRequestId());
            List<String> terminal = entries.stream().map(AnswerStreamEntry::getKind)
                    .filter(k -> !k.equals("token") && !k.equals("reset")).toList();
            assertThat(terminal).as("terminal entries of " + p.getPrompt()).containsExactly("done");
            assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
            assertThat(AnswerStreamReader.tokens(entries)).isEqualTo(outcomes.get(0).getText());
            boolean reset = entries.stream().anyMatch(e -> e.getKind().equals("reset"));
            if (shortOnes.contains(p)) {
                assertThat(reset).as("a short answer ends on the worker that started it: " + p.getPrompt()).isFalse();
                assertThat(outcomes.get(0).getAttempts()).isEqualTo(1);
            }
            handedOver += reset ? 1 : 0;
        }
        System.out.println("FIGURE worker.graceful_stop.exit_ms=" + stoppedMs + " handed_over=" + handedOver
                + " of " + longOnes.size());
        assertThat(handedOver).as("long answers of the stopping worker's partitions move to the other one")
                .isGreaterThanOrEqualTo(1);
    }

    private static PromptSubmitted send(int partition, String text) throws Exception {
        PromptSubmitted prompt = Prompts.prompt("session-stop-" + partition + "-" + text.length(), text, List.of());
        probe.sendTo("chat.prompt.submitted", partition, prompt.getSessionId(), EventJson.write(prompt));
        return prompt;
    }
}
