package io.chatstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load: closed-loop virtual users ({@link #run}: a user submits a prompt, follows its answer to the
 * end and starts again), or open-loop arrivals ({@link #runOpen}: new prompts at a fixed rate, whatever the
 * answers in flight are doing). Neither has a thread per user or stream; only callbacks run.
 */
final class ChatLoad {

    /** How a user's turn is made: through the product, or straight to the simulator (the baseline). */
    enum Path { STACK, DIRECT }

    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(90);

    private final ChatClient client;
    private final long chunkMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });

    /** @param chunkMs the simulator's inter-chunk delay every prompt of this run asks for */
    ChatLoad(ChatClient client, long chunkMs) {
        this.client = client;
        this.chunkMs = chunkMs;
    }

    /**
     * Runs {@code users} users (user i signs with {@code tokens[i % size]}) for {@code duration}.
     *
     * @param firstTokenDelayMs the simulator's first-token delay the prompt asks for
     * @param expectedTokens    chunks every answer must have to count as a success
     */
    LoadResult run(Path path, List<String> tokens, int users, Duration duration, String prompt,
                   long firstTokenDelayMs, int expectedTokens) throws InterruptedException {
        LoadResult result = new LoadResult();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        Answer answer = answer(firstTokenDelayMs, expectedTokens);
        long startedMicros = StreamProbe.nowMicros();
        result.window(startedMicros + steadyAfterMicros(answer), startedMicros + duration.toNanos() / 1000,
                users * answer.chunksPerSecond());
        result.expectedInterval(answer.micros());
        CountDownLatch done = new CountDownLatch(users);
        var sampler = timer.scheduleAtFixedRate(result::sampleOpen, 200, 200, TimeUnit.MILLISECONDS);
        for (int u = 0; u < users; u++) {
            String token = tokens.isEmpty() ? null : tokens.get(u % tokens.size());
            // Spread the first requests over a second so the phase does not start with one burst.
            long stagger = users <= 1 ? 0 : u * 1000L / users;
            timer.schedule(() -> turn(path, token, prompt, firstTokenDelayMs, expectedTokens, deadline, result, done),
                    stagger, TimeUnit.MILLISECONDS);
        }
        if (!done.await(duration.toMillis() + STREAM_TIMEOUT.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            result.error("phase did not end: " + done.getCount() + " users still busy");
        }
        sampler.cancel(false);
        result.elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        return result;
    }

    /**
     * Open-loop arrivals: a new prompt every {@code 1 / perSecond} seconds for {@code duration}, each through
     * the stack as a new conversation of the next user. Every latency counts from the moment the prompt
     * was due, not from when it was sent, so a client or scheduler that falls behind shows up in the
     * figures instead of thinning the load (the coordinated-omission correction of an open loop).
     */
    LoadResult runOpen(List<String> tokens, double perSecond, Duration duration, String prompt,
                       long firstTokenDelayMs, int expectedTokens) throws InterruptedException {
        LoadResult result = new LoadResult();
        Answer answer = answer(firstTokenDelayMs, expectedTokens);
        long intervalNanos = Math.round(1e9 / perSecond);
        int arrivals = (int) Math.max(1, duration.toNanos() / intervalNanos);
        CountDownLatch done = new CountDownLatch(arrivals);
        long started = System.nanoTime();
        long startedMicros = StreamProbe.nowMicros();
        result.window(startedMicros + steadyAfterMicros(answer), startedMicros + duration.toNanos() / 1000,
                perSecond * expectedTokens);
        var sampler = timer.scheduleAtFixedRate(result::sampleOpen, 200, 200, TimeUnit.MILLISECONDS);
        for (int i = 0; i < arrivals; i++) {
            String token = tokens.get(i % tokens.size());
            long dueMicros = startedMicros + i * intervalNanos / 1000;
            timer.schedule(() -> once(token, prompt, firstTokenDelayMs, expectedTokens, dueMicros, result,
                    done::countDown), i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        if (!done.await(duration.toMillis() + STREAM_TIMEOUT.toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
            result.error("phase did not end: " + done.getCount() + " answers still open");
        }
        sampler.cancel(false);
        result.elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        return result;
    }

    /** One answer as the simulator paces it with no pipeline: its length and chunk rate. */
    private record Answer(long micros, int chunks) {
        double chunksPerSecond() {
            return chunks * 1e6 / micros;
        }
    }

    private Answer answer(long firstTokenDelayMs, int chunks) {
        return new Answer(idealAnswerMicros(firstTokenDelayMs, chunkMs, chunks), chunks);
    }

    /** The ideal turn: the first-token delay, then one chunk every inter-chunk delay. */
    static long idealAnswerMicros(long firstTokenDelayMs, long chunkMs, int chunks) {
        return (firstTokenDelayMs + Math.max(0, chunks - 1) * chunkMs) * 1000;
    }

    /** When a phase is in steady state: every closed-loop user started (1 s) and one whole answer streamed. */
    private static long steadyAfterMicros(Answer answer) {
        return Math.max(1_000_000, answer.micros()) + 200_000;
    }

    private void once(String token, String prompt, long delayMs, int expected, long dueMicros, LoadResult result,
                      Runnable finished) {
        client.submit(token, prompt).whenComplete((s, e) -> {
            if (e != null || !s.accepted()) {
                result.error(e != null ? "submit: " + e.getClass().getSimpleName() : "submit: HTTP " + s.status());
                finished.run();
                return;
            }
            result.accepted.increment();
            result.submit.recordMicros(s.micros());
            StreamProbe probe = new StreamProbe(StreamProbe.Wire.GATEWAY, dueMicros);
            follow(probe, client.stream(token, s.requestId(), probe), delayMs, expected, result, finished);
        });
    }

    private void turn(Path path, String token, String prompt, long delayMs, int expected, long deadline,
                      LoadResult result, CountDownLatch done) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        long start = StreamProbe.nowMicros();
        Runnable next = () -> turn(path, token, prompt, delayMs, expected, deadline, result, done);
        if (path == Path.DIRECT) {
            StreamProbe probe = new StreamProbe(StreamProbe.Wire.DASHSCOPE, start);
            follow(probe, client.streamDirect(prompt, probe), delayMs, expected, result, next);
            return;
        }
        client.submit(token, prompt).whenComplete((s, e) -> {
            if (e != null || !s.accepted()) {
                result.error(e != null ? "submit: " + e.getClass().getSimpleName() : "submit: HTTP " + s.status());
                // Back off a little so a refusing service is not hammered in a tight loop.
                timer.schedule(next, 100, TimeUnit.MILLISECONDS);
                return;
            }
            result.accepted.increment();
            result.submit.recordMicros(s.micros());
            StreamProbe probe = new StreamProbe(StreamProbe.Wire.GATEWAY, start);
            follow(probe, client.stream(token, s.requestId(), probe), delayMs, expected, result, next);
        });
    }

    private void follow(StreamProbe probe, CompletableFuture<StreamProbe> finished, long delayMs, int expected,
                        LoadResult result, Runnable next) {
        result.opened();
        var watchdog = timer.schedule(() -> {
            probe.fail("stream timeout after " + STREAM_TIMEOUT.toSeconds() + " s");
            probe.cancel();
        }, STREAM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        finished.whenComplete((p, e) -> {
            watchdog.cancel(false);
            result.closed();
            if (p != null) {
                // CPU per chunk counts every delta delivered, failed answers included.
                result.delivered(p);
            }
            if (e != null) {
                result.error("stream: " + e.getClass().getSimpleName());
            } else if (p.succeeded(expected)) {
                result.answer(p, delayMs * 1000);
            } else {
                result.error(p.problem(expected));
            }
            next.run();
        });
    }

    void close() {
        timer.shutdownNow();
    }
}
