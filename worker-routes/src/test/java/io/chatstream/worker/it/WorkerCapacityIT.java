package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.worker.WorkerApplication;
import io.chatstream.worker.answering.application.InflightAnswers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A bounded load test: 200 prompts at once, each a ~2 s answer from the simulator, against one
 * worker instance. Prints the figures issue 4 asks for as {@code FIGURE} lines.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class WorkerCapacityIT {

    private static final int PROMPTS = 200;
    /**
     * 100 ms to the first token, then 24 chunks 160 ms apart: about 4 s per answer, so all 200 overlap
     * even when taking them in takes a loaded machine a couple of seconds (2 s answers did not).
     */
    private static final String FOUR_SECOND_ANSWER = "[sim:chunks=24] [sim:delay=100,160] load ";
    private static WorkerInfra infra;
    private static KafkaProbe probe;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    InflightAnswers inflight;

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
        registry.add("chat.worker.max-concurrent-answers", () -> "256");
        registry.add("chat.bailian.max-concurrent-streams", () -> "512");
        registry.add("chat.bailian.first-token-timeout", () -> "20s");
        registry.add("chat.bailian.idle-timeout", () -> "20s");
    }

    @Test
    @DisplayName("one worker answers 200 concurrent prompts with no error, all of them streaming at the same time")
    void answers200AtOnce() throws Exception {
        // Warm-up: the consumer has joined and the SDK client exists before the clock starts.
        PromptSubmitted warmUp = Prompts.prompt("session-warmup", "warm up", List.of());
        probe.send("chat.prompt.submitted", warmUp.getSessionId(), EventJson.write(warmUp));
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.outcomes.containsKey(warmUp.getRequestId()));

        Map<String, String> prompts = new LinkedHashMap<>();
        List<PromptSubmitted> sent = new java.util.ArrayList<>();
        for (int i = 0; i < PROMPTS; i++) {
            PromptSubmitted p = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8),
                    FOUR_SECOND_ANSWER + i, List.of());
            sent.add(p);
            prompts.put(p.getSessionId(), EventJson.write(p));
        }
        AtomicInteger peakInflight = new AtomicInteger();
        AtomicLong peakXaddPerSecond = new AtomicLong();
        Sampler sampler = new Sampler(peakInflight, peakXaddPerSecond);
        long xaddsBefore = xadds();
        long started = System.nanoTime();
        sampler.start();

        probe.sendAll("chat.prompt.submitted", prompts);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50))
                .until(() -> sent.stream().allMatch(p -> probe.outcomes.containsKey(p.getRequestId())));

        double seconds = (System.nanoTime() - started) / 1e9;
        long xadds = xadds() - xaddsBefore;
        sampler.stop();
        List<AnswerCompleted> outcomes = sent.stream().map(p -> probe.outcomes.get(p.getRequestId()).get(0)).toList();
        long completed = outcomes.stream().filter(o -> o.getStatus().equals("completed")).count();
        int peakStreams = infra.simulator.stats().peakActiveStreams();
        System.out.printf("FIGURE worker.max_concurrent=%d worker.redis_xadd_per_s=%d%n",
                peakInflight.get(), peakXaddPerSecond.get());
        System.out.printf("FIGURE worker.load.prompts=%d worker.load.completed=%d worker.load.wall_s=%.1f "
                + "worker.load.simulator_peak_streams=%d worker.load.xadd_total=%d worker.load.xadd_avg_per_s=%.0f%n",
                PROMPTS, completed, seconds, peakStreams, xadds, xadds / seconds);

        assertThat(completed).isEqualTo(PROMPTS);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.getAttempts()).isEqualTo(1));
        assertThat(probe.deadLetters).isEmpty();
        assertThat(peakStreams).isGreaterThanOrEqualTo(180);
        assertThat(peakInflight.get()).isGreaterThanOrEqualTo(180);
        PromptSubmitted any = sent.get(PROMPTS / 2);
        assertThat(AnswerStreamReader.tokens(AnswerStreamReader.entries(redis, any.getRequestId())))
                .isEqualTo(probe.outcomes.get(any.getRequestId()).get(0).getText());
    }

    @Test
    @DisplayName("a fast model's pieces are coalesced: far fewer Redis entries than pieces, same text")
    void coalescesUnderLoad() throws Exception {
        int answers = 50;
        int pieces = 200;
        Map<String, String> prompts = new LinkedHashMap<>();
        List<PromptSubmitted> sent = new java.util.ArrayList<>();
        for (int i = 0; i < answers; i++) {
            PromptSubmitted p = Prompts.prompt("session-" + UUID.randomUUID().toString().substring(0, 8),
                    "[sim:chunks=" + pieces + "] [sim:delay=50,2] fast " + i, List.of());
            sent.add(p);
            prompts.put(p.getSessionId(), EventJson.write(p));
        }
        long xaddsBefore = xadds();

        probe.sendAll("chat.prompt.submitted", prompts);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(50))
                .until(() -> sent.stream().allMatch(p -> probe.outcomes.containsKey(p.getRequestId())));

        double perAnswer = (xadds() - xaddsBefore) / (double) answers;
        System.out.printf("FIGURE worker.coalescing.pieces_per_answer=%d worker.coalescing.xadd_per_answer=%.1f%n",
                pieces, perAnswer);
        assertThat(perAnswer).isLessThan(pieces / 2.0);
        for (PromptSubmitted p : sent) {
            AnswerCompleted outcome = probe.outcomes.get(p.getRequestId()).get(0);
            assertThat(outcome.getStatus()).isEqualTo("completed");
            assertThat(AnswerStreamReader.tokens(AnswerStreamReader.entries(redis, p.getRequestId())))
                    .isEqualTo(outcome.getText());
        }
    }

    private long xadds() {
        Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
        String xadd = stats == null ? null : stats.getProperty("cmdstat_xadd");
        if (xadd == null) {
            return 0;
        }
        // "calls=123,usec=456,..."
        return Long.parseLong(xadd.substring(xadd.indexOf("calls=") + 6, xadd.indexOf(',')));
    }

    /** Samples answers in flight (every 10 ms) and XADDs per second (every second). */
    private final class Sampler {

        private final AtomicInteger peakInflight;
        private final AtomicLong peakXaddPerSecond;
        private final Thread thread;
        private volatile boolean running = true;

        Sampler(AtomicInteger peakInflight, AtomicLong peakXaddPerSecond) {
            this.peakInflight = peakInflight;
            this.peakXaddPerSecond = peakXaddPerSecond;
            this.thread = new Thread(this::run, "capacity-sampler");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(2000);
        }

        private void run() {
            long windowStart = System.nanoTime();
            long windowXadds = xadds();
            while (running) {
                peakInflight.accumulateAndGet(inflight.count(), Math::max);
                long now = System.nanoTime();
                if (now - windowStart >= 1_000_000_000L) {
                    long total = xadds();
                    peakXaddPerSecond.accumulateAndGet(
                            Math.round((total - windowXadds) / ((now - windowStart) / 1e9)), Math::max);
                    windowStart = now;
                    windowXadds = total;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
