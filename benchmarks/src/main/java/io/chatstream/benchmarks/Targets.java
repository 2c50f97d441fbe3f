package io.chatstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets, checked against the headline figures (medians of the repetitions) of the build
 * under test, "this"; fluent capacity is also compared with the build given by {@code --compare-home}.
 * A target whose scenario did not run is "not run".
 */
final class Targets {

    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> evaluate(Map<String, Object> builds) {
        Map<String, Object> build = (Map<String, Object>) builds.get("this");
        Map<String, Object> headline = build == null ? Map.of() : (Map<String, Object>) build.get("headline");
        Map<String, Object> scenarios = build == null ? Map.of() : (Map<String, Object>) build.get("scenarios");
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("product CPU per delivered chunk", "≤ 100 µs", median(headline, "product_cpu_us_per_chunk"),
                max(100), " µs"));
        rows.add(row("product CPU per answer turn", "≤ 5 ms", median(headline, "product_cpu_ms_per_turn"), max(5), " ms"));
        rows.add(row("added TTFT p50, open loop", "≤ 10 ms", median(headline, "added_ttft_p50_ms"), max(10), " ms"));
        rows.add(row("added TTFT p99, open loop", "≤ 40 ms", median(headline, "added_ttft_p99_ms"), max(40), " ms"));
        Object fluent = median(headline, "fluent_streams");
        Object compared = null;
        if (builds.get("compared") instanceof Map<?, ?> other) {
            compared = median((Map<String, Object>) ((Map<String, Object>) other).get("headline"), "fluent_streams");
        }
        Object ratio = fluent instanceof Number f && compared instanceof Number c && c.doubleValue() > 0
                ? Latencies.round(f.doubleValue() / c.doubleValue()) : null;
        rows.add(row("fluent capacity vs the compared build", "≥ 4×", ratio, min(4), "× (" + fluent + " vs "
                + compared + " streams)"));
        Map<String, Object> idle = scenarios.get("idle") instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        rows.add(row("idle SSE connections on one gateway", "≥ 10,000",
                idle == null ? null : idle.get("connections_open_after_hold"), min(10_000), ""));
        rows.add(row("gateway heap per idle SSE connection", "≤ 40 KiB",
                idle == null ? null : idle.get("gateway_heap_kib_per_connection"), max(40), " KiB"));
        return rows;
    }

    private static Object median(Map<String, Object> headline, String figure) {
        return headline != null && headline.get(figure) instanceof Map<?, ?> spread ? spread.get("median") : null;
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

    private static Map<String, Object> row(String what, String target, Object measured, Check check, String unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("target", what);
        row.put("goal", target);
        row.put("measured", measured == null ? "not run" : measured + unit);
        row.put("met", measured instanceof Number n ? (check.met(n.doubleValue()) ? "yes" : "NO") : "—");
        return row;
    }
}
