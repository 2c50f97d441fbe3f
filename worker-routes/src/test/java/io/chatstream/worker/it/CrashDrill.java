package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.proto.v1.PromptSubmitted;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two worker processes (the packaged jar) share the prompts; {@link #killAnsweringWorker} kills the
 * one answering a prompt with SIGKILL mid-answer and times how long the reader then waits for the
 * survivor's new attempt. Used by the crash IT and by the failover measurement.
 */
final class CrashDrill implements AutoCloseable {

    private static final int WORKERS = 2;
    private static final int PARTITIONS = io.chatstream.localinfra.ChatTopics.defaults().get("chat.prompt.submitted");
    private final WorkerInfra infra = new WorkerInfra();
    private final KafkaProbe probe = new KafkaProbe(infra.kafka.bootstrapServers());
    private final LettuceConnectionFactory redisConnections;
    private final StringRedisTemplate redis;
    private final List<Worker> workers = new ArrayList<>();
    private final List<Worker> started = new ArrayList<>();
    private final List<String> settings;

    /** How long the reader saw nothing new: from the kill to the new attempt's reset and its first token. */
    record Takeover(int killed, int entriesAtCrash, Duration toReset, Duration toFirstToken) {
    }

    /** @param settings {@code --key=value} overrides for every worker (empty = the product defaults) */
    CrashDrill(List<String> settings) throws Exception {
        this.settings = settings;
        redisConnections = new LettuceConnectionFactory(infra.redis.host(), infra.redis.port());
        redisConnections.afterPropertiesSet();
        redis = new StringRedisTemplate(redisConnections);
        for (int i = 0; i < WORKERS; i++) {
            workers.add(start(i));
        }
    }

    /**
     * Waits until both workers own partitions, then has each answer a short prompt on every partition,
     * so the takeover measured later is failover, not a provider client's first call in a new JVM.
     */
    void awaitWarmGroup() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> workers.stream().allMatch(Worker::ready) && Worker.stableGroup(infra, WORKERS));
        List<PromptSubmitted> warmUps = new ArrayList<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            PromptSubmitted prompt = Prompts.prompt("session-warm-" + partition, "[sim:chunks=3] warm up", List.of());
            probe.sendTo("chat.prompt.submitted", partition, prompt.getSessionId(), EventJson.write(prompt));
            warmUps.add(prompt);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> warmUps.stream().allMatch(p -> probe.outcomes.containsKey(p.getRequestId())));
    }

    /** Sends the prompt, kills its worker after a few entries and waits for the other one's first token. */
    Takeover killAnsweringWorker(PromptSubmitted prompt) throws Exception {
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        await().atMost(Duration.ofSeconds(30)).until(() -> entries(prompt).size() >= 5);
        int answering = await().atMost(Duration.ofSeconds(10)).until(this::answeringWorker, Optional::isPresent).get();
        long killedAt = System.currentTimeMillis();
        workers.get(answering).process().destroyForcibly().waitFor();
        int entriesAtCrash = entries(prompt).size();
        List<AnswerStreamReader.Timed> after = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                .until(() -> newAttempt(prompt), timed -> timed.size() == 2);
        return new Takeover(answering, entriesAtCrash, Duration.ofMillis(after.get(0).appendedAt() - killedAt),
                Duration.ofMillis(after.get(1).appendedAt() - killedAt));
    }

    /** The answer completed once, gap-free behind exactly one reset, and the stream matches the outcome. */
    void assertAnsweredOnceBehindOneReset(PromptSubmitted prompt, Takeover takeover) throws InterruptedException {
        AnswerCompleted outcome = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe.outcomes.get(prompt.getRequestId()), o -> o != null && !o.isEmpty()).get(0);
        assertThat(outcome.getStatus()).isEqualTo("completed");
        List<AnswerStreamEntry> entries = entries(prompt);
        assertThat(entries.size()).isGreaterThan(takeover.entriesAtCrash());
        assertThat(entries).extracting(AnswerStreamEntry::getSeq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries).filteredOn(e -> e.getKind().equals("reset")).hasSize(1);
        assertThat(entries.get(entries.size() - 1).getKind()).isEqualTo("done");
        assertThat(AnswerStreamReader.tokens(entries)).isEqualTo(outcome.getText());
        assertThat(outcome.getText().length()).isGreaterThan(AnswerStreamReader.tokens(entries.subList(0, 4)).length());
        Thread.sleep(1000);
        assertThat(probe.outcomes.get(prompt.getRequestId())).hasSize(1);
        assertThat(redis.opsForHash().get("chat:req:meta:" + prompt.getRequestId(), "status")).isEqualTo("completed");
    }

    /** Starts the killed worker again (a new process, as an orchestrator would). */
    void restart(Takeover takeover) throws Exception {
        workers.set(takeover.killed(), start(takeover.killed()));
    }

    private Worker start(int index) throws java.io.IOException {
        Worker worker = Worker.start(index + 1, infra, settings);
        started.add(worker);
        return worker;
    }

    /** Lines of this drill's worker logs saying a live consumer lost its partitions (a false session expiry). */
    long partitionsLostLines() throws java.io.IOException {
        long lost = 0;
        for (Worker w : started) {
            try (var lines = Files.lines(w.log())) {
                lost += lines.filter(l -> l.contains("assigned partitions as lost")).count();
            }
        }
        return lost;
    }

    private Optional<Integer> answeringWorker() {
        for (int i = 0; i < workers.size(); i++) {
            if (workers.get(i).inflight() > 0) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The reset that opens the new attempt and the entry after it, once both are there. */
    private List<AnswerStreamReader.Timed> newAttempt(PromptSubmitted prompt) {
        List<AnswerStreamReader.Timed> timed = AnswerStreamReader.timedEntries(redis, prompt.getRequestId());
        for (int i = 0; i < timed.size(); i++) {
            if (timed.get(i).entry().getKind().equals("reset")) {
                return timed.subList(i, Math.min(i + 2, timed.size()));
            }
        }
        return List.of();
    }

    List<AnswerStreamEntry> entries(PromptSubmitted prompt) {
        return AnswerStreamReader.entries(redis, prompt.getRequestId());
    }

    @Override
    public void close() throws Exception {
        for (Worker w : workers) {
            w.process().destroyForcibly().waitFor();
        }
        probe.close();
        redisConnections.destroy();
        infra.close();
    }
}
