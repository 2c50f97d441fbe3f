package io.chatstream.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop virtual users without a thread each: a user submits a prompt, follows its answer to the
 * end, records it and starts again until the phase ends. Only callbacks run; nothing blocks per user.
 */
final class ChatLoad {

    /** How a user's turn is made: through the product, or straight to the simulator (the baseline). */
    enum Path { STACK, DIRECT }

    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(90);

    private final ChatClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timer");
        t.setDaemon(true);
        return t;
    });

    ChatLoad(ChatClient client) {
        this.client = client;
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
                // CPU per 1,000 chunks counts every delta delivered, failed answers included.
                result.tokens.add(p.tokens());
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
