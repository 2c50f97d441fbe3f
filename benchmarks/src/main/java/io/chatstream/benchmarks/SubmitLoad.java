package io.chatstream.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Submit throughput: {@code concurrency} callers each send a prompt (a new session every time, users
 * taken in turn from a large pool so no per-user limit is what is measured) as soon as the last one was
 * answered. Accepted = HTTP 200 with a request id: the command committed the turn and its outbox row.
 */
final class SubmitLoad {

    private static final String PROMPT = "[sim:chunks=1][sim:delay=0,0] how fast can you take this?";

    private final ChatClient client;

    SubmitLoad(ChatClient client) {
        this.client = client;
    }

    Map<String, Object> run(List<String> tokens, int concurrency, Duration duration) throws InterruptedException {
        Latencies latency = new Latencies();
        LongAdder accepted = new LongAdder();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger nextUser = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int c = 0; c < concurrency; c++) {
            send(tokens, nextUser, deadline, latency, accepted, statuses, done);
        }
        done.await(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("concurrency", concurrency);
        out.put("users", tokens.size());
        out.put("duration_s", Latencies.round(seconds));
        out.put("accepted", accepted.sum());
        out.put("accepted_per_s", Latencies.round(accepted.sum() / seconds));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
        out.put("responses_by_status", byStatus);
        out.put("latency", latency.summary());
        return out;
    }

    private void send(List<String> tokens, AtomicInteger nextUser, long deadline, Latencies latency,
                      LongAdder accepted, Map<String, LongAdder> statuses, CountDownLatch done) {
        if (System.nanoTime() >= deadline) {
            done.countDown();
            return;
        }
        String token = tokens.get(Math.floorMod(nextUser.getAndIncrement(), tokens.size()));
        client.submit(token, PROMPT).whenComplete((s, e) -> {
            String status = e != null ? e.getClass().getSimpleName() : Integer.toString(s.status());
            statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
            if (s != null && s.accepted()) {
                accepted.increment();
                latency.recordMicros(s.micros());
            }
            send(tokens, nextUser, deadline, latency, accepted, statuses, done);
        });
    }
}
