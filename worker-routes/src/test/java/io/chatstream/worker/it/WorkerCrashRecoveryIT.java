package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.AnswerStreamEntry;
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
 * Two worker processes (the packaged jar) share the prompts; the one answering is killed with
 * SIGKILL mid-answer and the other one completes the answer from the uncommitted record.
 */
class WorkerCrashRecoveryIT {

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
        for (int i = 1; i <= 2; i++) {
            workers.add(Worker.start(i, infra));
        }
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
    @DisplayName("kill -9 of the answering worker: the other one answers again behind a reset, one completed outcome")
    void survivesAWorkerCrash() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> workers.stream().allMatch(Worker::ready) && Worker.stableGroup(infra, 2));
        PromptSubmitted prompt = Prompts.prompt("session-crash01", "[sim:chunks=80] [sim:delay=5,100] survive",
                List.of());
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(prompt).size() >= 5);

        Worker answering = await().atMost(Duration.ofSeconds(10)).until(
                () -> workers.stream().filter(w -> w.inflight() > 0).findFirst(), java.util.Optional::isPresent).get();
        answering.process().destroyForcibly().waitFor();
        int entriesAtCrash = entries(prompt).size();

        AnswerCompleted outcome = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe.outcomes.get(prompt.getRequestId()), o -> o != null && !o.isEmpty()).get(0);
        assertThat(outcome.getStatus()).isEqualTo("completed");
        List<AnswerStreamEntry> entries = entries(prompt);
        assertThat(entries.size()).isGreaterThan(entriesAtCrash);
        assertThat(entries).extracting(AnswerStreamEntry::getSeq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries).filteredOn(e -> e.getKind().equals("reset")).hasSize(1);
        assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
        assertThat(AnswerStreamReader.tokens(entries)).isEqualTo(outcome.getText());
        assertThat(outcome.getText().length()).isGreaterThan(AnswerStreamReader.tokens(entries.subList(0, 4)).length());
        Thread.sleep(1000);
        assertThat(probe.outcomes.get(prompt.getRequestId())).hasSize(1);
        assertThat(redis.opsForHash().get("chat:req:meta:" + prompt.getRequestId(), "status")).isEqualTo("completed");
    }

    private static List<AnswerStreamEntry> entries(PromptSubmitted prompt) {
        return AnswerStreamReader.entries(redis, prompt.getRequestId());
    }
}
