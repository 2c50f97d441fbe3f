package io.chatstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets, checked against the figures of one run. A target whose scenario did not run is "not run". */
final class Targets {

    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> evaluate(Map<String, Object> scenarios) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> latency = (Map<String, Object>) scenarios.get("latency");
        Map<String, Object> ttft = latency == null ? null : (Map<String, Object>) latency.get("added_ttft");
        Map<String, Object> chunk = latency == null ? null : (Map<String, Object>) latency.get("emit_to_receive");
        rows.add(row("added TTFT p50 at 50 streams", "≤ 10 ms", value(ttft, "p50_ms"), max(10), " ms"));
        rows.add(row("added TTFT p99 at 50 streams", "≤ 40 ms", value(ttft, "p99_ms"), max(40), " ms"));
        rows.add(row("added inter-chunk p99 (emit → SSE)", "≤ 15 ms", value(chunk, "p99_ms"), max(15), " ms"));
        Map<String, Object> capacity = (Map<String, Object>) scenarios.get("capacity");
        rows.add(row("concurrent streams at 20 chunks/s, zero errors", "≥ 500",
                capacity == null ? null : capacity.get("max_streams_without_errors"), min(500), ""));
        Map<String, Object> idle = (Map<String, Object>) scenarios.get("idle");
        rows.add(row("idle SSE connections on one gateway", "≥ 10,000",
                idle == null ? null : idle.get("connections_open_after_hold"), min(10_000), ""));
        Map<String, Object> submits = (Map<String, Object>) scenarios.get("submits");
        rows.add(row("submits accepted per second", "≥ 1,000",
                submits == null ? null : submits.get("accepted_per_s"), min(1000), "/s"));
        return rows;
    }

    private interface Check {
        boolean met(double value);
    }

    private static Check max(double limit) {
        return v -> v <= limit;
    }

    private static Check min(double limit) {
        return v -> v >= limit;
    }

    private static Object value(Map<String, Object> summary, String key) {
        return summary == null ? null : summary.get(key);
    }

    private static Map<String, Object> row(String what, String target, Object measured, Check check, String unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("target", what);
        row.put("goal", target);
        row.put("measured", measured == null ? "not run" : measured + unit);
        row.put("met", measured instanceof Number n ? (check.met(n.doubleValue()) ? "yes" : "NO") : "—");
        return row;
    }
}
