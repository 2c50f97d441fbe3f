package io.chatstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The headline figures of one build, each over the repetitions of its scenario ({@link Spread}). */
final class Headline {

    private Headline() {
    }

    static Map<String, Object> of(Map<String, Object> scenarios) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("added_ttft_p50_ms", Spread.of(values(scenarios, "latency", "added_ttft", "p50_ms")));
        h.put("added_ttft_p99_ms", Spread.of(values(scenarios, "latency", "added_ttft", "p99_ms")));
        h.put("emit_to_receive_p99_ms", Spread.of(values(scenarios, "latency", "emit_to_receive", "p99_ms")));
        h.put("product_cpu_us_per_chunk", Spread.of(values(scenarios, "cost", "product_cpu_us_per_chunk")));
        h.put("product_cpu_ms_per_turn", Spread.of(values(scenarios, "cost", "product_cpu_ms_per_turn")));
        h.put("without_jit_product_cpu_us_per_chunk",
                Spread.of(values(scenarios, "cost", "without_jit_product_cpu_us_per_chunk")));
        h.put("without_jit_product_cpu_ms_per_turn",
                Spread.of(values(scenarios, "cost", "without_jit_product_cpu_ms_per_turn")));
        h.put("product_context_switches_per_chunk",
                Spread.of(values(scenarios, "cost", "product_context_switches_per_chunk")));
        h.put("fluent_streams", Spread.of(values(scenarios, "capacity", "fluent_streams")));
        return h;
    }

    /** The value at {@code path} in every repetition of {@code scenario} (null where it is missing). */
    @SuppressWarnings("unchecked")
    static List<Object> values(Map<String, Object> scenarios, String scenario, String... path) {
        List<Object> values = new ArrayList<>();
        Object entry = scenarios.get(scenario);
        if (!(entry instanceof Map<?, ?> m) || !(m.get("repetitions") instanceof List<?> reps)) {
            return values;
        }
        for (Object rep : reps) {
            Object v = rep;
            for (String key : path) {
                v = v instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
            }
            values.add(v);
        }
        return values;
    }
}
