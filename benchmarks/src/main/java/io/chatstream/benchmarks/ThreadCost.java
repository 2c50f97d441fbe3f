package io.chatstream.benchmarks;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a turn's and a chunk's CPU go, by process and thread group ("worker-routes" → "lettuce-nioEven#"), from
 * /proc alone: no profiler in the services, so nothing is perturbed. Per chunk is {@link CostSplit} per group;
 * what a group spends idle is the same in both runs of the cost scenario and drops out of the difference.
 */
final class ThreadCost {

    private ThreadCost() {
    }

    /** Milliseconds per turn of each thread group that spent at least {@code minMillis} a turn, largest first. */
    static Map<String, Map<String, Object>> perTurn(Map<String, Map<String, Long>> millis, long turns, double minMillis) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        millis.forEach((process, groups) -> {
            Map<String, Double> perTurn = new LinkedHashMap<>();
            groups.forEach((g, ms) -> perTurn.put(g, turns == 0 ? Double.NaN : (double) ms / turns));
            out.put(process, largest(perTurn, minMillis));
        });
        return out;
    }

    /**
     * Microseconds per chunk of each thread group, from a run of short and one of long answers at the same rate;
     * groups under {@code minMicros} either way are left out, the largest first.
     */
    static Map<String, Map<String, Object>> perChunk(int shortChunks, Map<String, Map<String, Long>> shortRun,
            long shortTurns, int longChunks, Map<String, Map<String, Long>> longRun, long longTurns, double minMicros) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        longRun.forEach((process, groups) -> {
            Map<String, Long> shortGroups = shortRun.getOrDefault(process, Map.of());
            Map<String, Double> perChunk = new LinkedHashMap<>();
            groups.forEach((g, ms) -> perChunk.put(g, CostSplit.of(shortChunks,
                    (double) shortGroups.getOrDefault(g, 0L) / shortTurns, longChunks, (double) ms / longTurns)
                    .perChunk() * 1000));
            out.put(process, largest(perChunk, minMicros));
        });
        return out;
    }

    private static Map<String, Object> largest(Map<String, Double> values, double min) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.entrySet().stream().filter(e -> Math.abs(e.getValue()) >= min)
                .sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> out.put(e.getKey(), Latencies.round(e.getValue())));
        return out;
    }
}
