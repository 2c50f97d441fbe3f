package io.chatstream.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What one load phase measured; every figure in microseconds until the summary turns it into ms. */
final class LoadResult {

    final Latencies addedTtft = new Latencies();
    final Latencies ttftBeforeModel = new Latencies();
    final Latencies ttftAfterModel = new Latencies();
    final Latencies emitToReceive = new Latencies();
    final Latencies submit = new Latencies();
    final LongAdder completed = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder tokens = new LongAdder();
    /** Tokens received inside the steady-state window (see {@link #window}). */
    final LongAdder windowTokens = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger maxOpen = new AtomicInteger();
    final AtomicLong openSamples = new AtomicLong();
    final AtomicLong openSampleSum = new AtomicLong();
    volatile long elapsedMillis;
    private long windowFromMicros;
    private long windowToMicros = Long.MAX_VALUE;
    private double offeredChunksPerSecond = Double.NaN;
    private long expectedIntervalMicros;

    /**
     * The steady state of the phase, {@code [fromMicros, toMicros)} in wall-clock µs, and the chunk rate
     * the load offers in it (what the model emits when the pipeline adds nothing): delivered chunks are
     * counted in this window only, so the ramp-up and the tail of the last answers do not count against it.
     */
    void window(long fromMicros, long toMicros, double offeredPerSecond) {
        this.windowFromMicros = fromMicros;
        this.windowToMicros = toMicros;
        this.offeredChunksPerSecond = offeredPerSecond;
    }

    /** A closed loop's expected interval between one user's turns, for the coordinated-omission correction. */
    void expectedInterval(long micros) {
        this.expectedIntervalMicros = micros;
    }

    /** Counts what one finished stream delivered, in total and inside the window. */
    void delivered(StreamProbe p) {
        tokens.add(p.tokens());
        windowTokens.add(p.tokensBetween(windowFromMicros, windowToMicros));
    }

    double deliveredChunksPerSecond() {
        double seconds = (windowToMicros - windowFromMicros) / 1e6;
        return windowToMicros == Long.MAX_VALUE || seconds <= 0 ? Double.NaN : windowTokens.sum() / seconds;
    }

    void error(String reason) {
        String key = reason == null ? "unknown" : reason.length() > 120 ? reason.substring(0, 120) : reason;
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void opened() {
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    }

    void closed() {
        open.decrementAndGet();
    }

    void sampleOpen() {
        openSamples.incrementAndGet();
        openSampleSum.addAndGet(open.get());
    }

    /** Recorded answer: added TTFT (minus the simulator's first-token delay) and emit → receive per token. */
    void answer(StreamProbe p, long firstTokenDelayMicros) {
        completed.increment();
        if (p.firstTokenMicros() > 0) {
            addedTtft.recordMicros(p.firstTokenMicros() - p.startMicros() - firstTokenDelayMicros,
                    expectedIntervalMicros);
        }
        if (p.firstEmitMicros() > 0) {
            ttftBeforeModel.recordMicros(p.firstEmitMicros() - p.startMicros() - firstTokenDelayMicros);
            ttftAfterModel.recordMicros(p.firstTokenMicros() - p.firstEmitMicros());
        }
        for (long micros : p.emitToReceive()) {
            emitToReceive.recordMicros(micros);
        }
    }

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        double seconds = Math.max(1, elapsedMillis) / 1000.0;
        s.put("duration_s", Latencies.round(seconds));
        s.put("answers_completed", completed.sum());
        s.put("submits_accepted", accepted.sum());
        s.put("deltas_received", tokens.sum());
        s.put("deltas_per_s", Latencies.round(tokens.sum() / seconds));
        if (!Double.isNaN(offeredChunksPerSecond)) {
            double delivered = deliveredChunksPerSecond();
            s.put("offered_chunks_per_s", Latencies.round(offeredChunksPerSecond));
            s.put("delivered_chunks_per_s", Latencies.round(delivered));
            s.put("delivered_share", Latencies.round(delivered / offeredChunksPerSecond));
        }
        s.put("errors", errorCount());
        Map<String, Long> byReason = new LinkedHashMap<>();
        errors.forEach((k, v) -> byReason.put(k, v.sum()));
        s.put("errors_by_reason", byReason);
        s.put("open_streams_max", maxOpen.get());
        s.put("open_streams_avg", Latencies.round(openSamples.get() == 0 ? 0
                : (double) openSampleSum.get() / openSamples.get()));
        s.put("added_ttft", addedTtft.summary());
        s.put("ttft_before_model", ttftBeforeModel.summary());
        s.put("ttft_after_model", ttftAfterModel.summary());
        s.put("emit_to_receive", emitToReceive.summary());
        s.put("submit_latency", submit.summary());
        return s;
    }
}
