package io.chatstream.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A figure measured in several repetitions: the median, the smallest and the largest, and every run. */
final class Spread {

    private Spread() {
    }

    /** {@code median}, {@code min}, {@code max}, {@code runs}; the runs that measured nothing are left out. */
    static Map<String, Object> of(List<?> runs) {
        List<Double> values = new ArrayList<>();
        for (Object v : runs) {
            if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
                values.add(n.doubleValue());
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        s.put("median", n == 0 ? null : Latencies.round(n % 2 == 1 ? sorted.get(n / 2)
                : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2));
        s.put("min", n == 0 ? null : Latencies.round(sorted.get(0)));
        s.put("max", n == 0 ? null : Latencies.round(sorted.get(n - 1)));
        s.put("runs", runs.stream().map(v -> v instanceof Number ? v : null).toList());
        return s;
    }

    /** "12.3 (11.0–14.1)", or "—" when nothing was measured. */
    static String text(Map<String, Object> spread) {
        if (spread == null || spread.get("median") == null) {
            return "—";
        }
        if (Objects.equals(spread.get("min"), spread.get("max"))) {
            return String.valueOf(spread.get("median"));
        }
        return spread.get("median") + " (" + spread.get("min") + "–" + spread.get("max") + ")";
    }
}
