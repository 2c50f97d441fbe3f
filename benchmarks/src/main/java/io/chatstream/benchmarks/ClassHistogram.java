package io.chatstream.benchmarks;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's live objects by class ({@code jcmd <pid> GC.class_histogram}), and where the heap grew between two
 * of them: the idle scenario's breakdown of the heap per open connection.
 */
final class ClassHistogram {

    /** {@code "   1:        125046        9205480  [B (java.base@17.0.15)"}: rank, instances, bytes, class. */
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    record Row(long instances, long bytes) {
    }

    private ClassHistogram() {
    }

    /** Class name → instances and bytes; lines that are not rows (header, total) are skipped. */
    static Map<String, Row> parse(String histogram) {
        Map<String, Row> rows = new HashMap<>();
        Matcher m = ROW.matcher(histogram);
        while (m.find()) {
            rows.merge(m.group(3), new Row(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                    (a, b) -> new Row(a.instances() + b.instances(), a.bytes() + b.bytes()));
        }
        return rows;
    }

    /**
     * The {@code top} classes whose bytes grew most from {@code before} to {@code after}, divided by {@code units}
     * (the open connections): class → "B per unit, instances per unit", largest first.
     */
    static Map<String, String> growthPer(Map<String, Row> before, Map<String, Row> after, long units, int top) {
        Map<String, String> out = new LinkedHashMap<>();
        if (units <= 0) {
            return out;
        }
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), grown(before.get(e.getKey()), e.getValue())))
                .filter(e -> e.getValue().bytes() > 0)
                .sorted(Comparator.comparingLong((Map.Entry<String, Row> e) -> e.getValue().bytes()).reversed())
                .limit(top)
                .forEach(e -> out.put(e.getKey(), String.format(java.util.Locale.ROOT, "%d B, %.2f instances",
                        Math.round(e.getValue().bytes() / (double) units), e.getValue().instances() / (double) units)));
        return out;
    }

    private static Row grown(Row before, Row after) {
        return before == null ? after : new Row(after.instances() - before.instances(), after.bytes() - before.bytes());
    }
}
