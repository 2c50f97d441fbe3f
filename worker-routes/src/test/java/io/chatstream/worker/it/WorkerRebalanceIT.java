package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.PromptSubmitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A second worker joins while the first answers one prompt per partition: the partitions that
 * move are answered by the newcomer and abandoned by the first worker, so every prompt still
 * has exactly one outcome.
 */
class WorkerRebalanceIT {

    private static final int PARTITIONS = 6;
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
        workers.add(Worker.start(1, infra));
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
    @DisplayName("a rebalance mid-answer moves answers to the new owner without a second outcome")
    void rebalanceMidAnswer() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> workers.get(0).ready() && Worker.stableGroup(infra, 1));
        List<PromptSubmitted> prompts = new ArrayList<>();
        // Answers of about 60 s: the rebalance below takes up to ~35 s on a loaded 2-core machine and must land
        // while they still run.
        for (int p = 0; p < PARTITIONS; p++) {
            PromptSubmitted prompt = Prompts.prompt("session-rebal-" + p,
                    "[sim:chunks=1500] [sim:delay=5,40] partition " + p, List.of());
            probe.sendTo("chat.prompt.submitted", p, prompt.getSessionId(), EventJson.write(prompt));
            prompts.add(prompt);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> prompts.stream().allMatch(p -> AnswerStreamReader.entries(redis, p.getRequestId()).size() >= 2));

        workers.add(Worker.start(2, infra));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> Worker.stableGroup(infra, 2));
        assertThat(prompts).as("the rebalance must happen while the answers run")
                .noneMatch(p -> probe.outcomes.containsKey(p.getRequestId()));

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                .until(() -> prompts.stream().allMatch(p -> probe.outcomes.containsKey(p.getRequestId())));
        Thread.sleep(2000);
        int moved = 0;
        for (PromptSubmitted p : prompts) {
            List<AnswerCompleted> outcomes = probe.outcomes.get(p.getRequestId());
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).getStatus()).isEqualTo("completed");
            var entries = AnswerStreamReader.entries(redis, p.getRequestId());
            assertThat(AnswerStreamReader.tokens(entries)).isEqualTo(outcomes.get(0).getText());
            assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
            moved += entries.stream().anyMatch(e -> e.getKind().equals("reset")) ? 1 : 0;
        }
        System.out.println("FIGURE worker.rebalance.moved_answers=" + moved + " of " + PARTITIONS);
        assertThat(moved).isGreaterThanOrEqualTo(1);
    }
}
