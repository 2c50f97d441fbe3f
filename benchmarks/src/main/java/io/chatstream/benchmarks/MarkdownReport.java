package io.chatstream.benchmarks;

import java.util.List;
import java.util.Map;

/** The human half of the report, rendered from the same map the JSON is written from. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> report) {
        StringBuilder md = new StringBuilder("# chatstream benchmark report\n\n");
        md.append("Generated ").append(report.get("generated_at")).append(", mode **").append(report.get("mode"))
                .append("**. Command: `").append(report.get("command")).append("`.\n\n");
        md.append("## Machine\n\n");
        table(md, (Map<String, Object>) report.get("machine"));
        md.append("\nEverything (load client, simulator, Kafka, Redis, MariaDB, four services) ran on this machine;"
                + " other work on it shows in the load averages and the steal share of each phase.\n\n## Targets\n\n");
        md.append("| target | goal | measured | met |\n|---|---|---|---|\n");
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("targets")) {
            md.append("| ").append(row.get("target")).append(" | ").append(row.get("goal")).append(" | ")
                    .append(row.get("measured")).append(" | ").append(row.get("met")).append(" |\n");
        }
        Map<String, Object> builds = (Map<String, Object>) report.get("builds");
        md.append("\n## Headline figures\n\nMedian (smallest–largest) of the repetitions.\n\n| figure |");
        builds.forEach((label, b) -> md.append(' ').append(label).append(" `")
                .append(((Map<String, Object>) b).get("commit")).append("` |"));
        md.append("\n|---|").append("---|".repeat(builds.size())).append('\n');
        Map<String, Object> first = (Map<String, Object>) ((Map<String, Object>) builds.values().iterator().next())
                .get("headline");
        for (String figure : first.keySet()) {
            md.append("| ").append(figure).append(" |");
            builds.values().forEach(b -> md.append(' ').append(Spread.text((Map<String, Object>)
                    ((Map<String, Object>) ((Map<String, Object>) b).get("headline")).get(figure))).append(" |"));
            md.append('\n');
        }
        builds.forEach((label, b) -> {
            Map<String, Object> build = (Map<String, Object>) b;
            md.append("\n## Build: ").append(label).append(" (`").append(build.get("commit")).append("`, ")
                    .append(build.get("home")).append(")\n\n### Stack\n\n");
            table(md, (Map<String, Object>) build.get("stack"));
            ((Map<String, Object>) build.get("scenarios")).forEach((name, value) -> {
                md.append("\n### Scenario: ").append(name).append("\n\n");
                section(md, (Map<String, Object>) value);
            });
        });
        md.append("\nAll latencies in milliseconds. Added TTFT = first token seen by the SSE client − submit start −"
                + " the simulator's first-token delay; emit → receive = SSE receive − the simulator's emit time"
                + " written into the token (`[sim:stamp]`). See docs/benchmarks.md.\n");
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void section(StringBuilder md, Map<String, Object> values) {
        StringBuilder latencies = new StringBuilder();
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof Map<?, ?> m && m.containsKey("p99_ms")) {
                Map<String, Object> s = (Map<String, Object>) m;
                latencies.append("| ").append(e.getKey()).append(" | ").append(s.get("count")).append(" | ")
                        .append(s.get("p50_ms")).append(" | ").append(s.get("p95_ms")).append(" | ")
                        .append(s.get("p99_ms")).append(" | ").append(s.get("max_ms")).append(" |\n");
            } else if (e.getValue() instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
                for (Object step : list) {
                    md.append("**").append(e.getKey()).append("**\n\n");
                    section(md, (Map<String, Object>) step);
                    md.append('\n');
                }
            } else {
                plain.put(e.getKey(), e.getValue());
            }
        }
        table(md, plain);
        if (latencies.length() > 0) {
            md.append("\n| latency | count | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|\n").append(latencies);
        }
    }

    private static void table(StringBuilder md, Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        md.append("| | |\n|---|---|\n");
        values.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    }
}
