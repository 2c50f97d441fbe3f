package io.chatstream.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** A thread-safe latency histogram in microseconds (1 µs .. 10 min, 3 significant digits). */
final class Latencies {

    private static final long HIGHEST_MICROS = 600_000_000L;

    private final Histogram histogram = new ConcurrentHistogram(1, HIGHEST_MICROS, 3);

    /** Records one value; negatives (clock granularity) count as 0, outliers are capped. */
    void recordMicros(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    /**
     * Records one value of a closed loop whose next request waits for this one: HdrHistogram adds the
     * samples the requests that should have started every {@code expectedIntervalMicros} would have seen
     * (the coordinated-omission correction).
     */
    void recordMicros(long micros, long expectedIntervalMicros) {
        histogram.recordValueWithExpectedInterval(Math.max(0, Math.min(micros, HIGHEST_MICROS)),
                Math.max(0, expectedIntervalMicros));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The value at {@code percentile} in milliseconds, or NaN when nothing was recorded. */
    double millisAt(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    /** count, p50, p95, p99, max (milliseconds), ready for the report. */
    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", count());
        s.put("p50_ms", round(millisAt(50)));
        s.put("p95_ms", round(millisAt(95)));
        s.put("p99_ms", round(millisAt(99)));
        s.put("max_ms", round(count() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0));
        return s;
    }

    static Object round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return Math.round(value * 100.0) / 100.0;
    }
}
