package io.chatstream.localstack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The fault suite's figures, written as Markdown to {@code local-stack/target/fault-report.md}. */
final class FaultReport {

    private final List<String> lines = new ArrayList<>();
    private final List<String> kills = new ArrayList<>();
    private final List<String> stalls = new ArrayList<>();

    void machine() {
        String cpu = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            // not Linux
        }
        long memMb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024);
        lines.add("# Fault suite report");
        lines.add("");
        lines.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPU(s) (" + cpu + "), "
                + memMb + " MB RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version") + ".");
        lines.add("");
    }

    synchronized void poison(int records, int topics, int deadLettered) {
        lines.add("## Poison records");
        lines.add("");
        lines.add(records + " poison records on " + topics + " topics; " + deadLettered
                + " dead-lettered by the worker (chat.prompt.submitted), the rest logged and skipped; "
                + "a chat right after completed; every consumer group's lag back to 0.");
        lines.add("");
    }

    synchronized void provider(int recoverable, double recoverableRetries, int requests, Map<String, Integer> outcomes, int failed, int deadLettered, double retries,
                               int breakerMax, long recoveryMs) {
        lines.add("## Provider faults");
        lines.add("");
        lines.add("A: " + recoverable + " prompts (3 failing twice before succeeding), all completed with the"
                + " expected text, " + (long) recoverableRetries + " retries (exactly 2 per fail-first=2 prompt).");
        lines.add("");
        lines.add("B (storm):");
        lines.add("");
        lines.add("| requests | outcomes | failed | in the DLQ | retries | breaker seen | breaker closed and a chat done after |");
        lines.add("|---|---|---|---|---|---|---|");
        lines.add("| " + requests + " | " + outcomes + " | " + failed + " | " + deadLettered + " | " + (long) retries
                + " (limit " + 2 * requests + ") | " + (breakerMax >= 1 ? "open" : "never open") + " | " + recoveryMs + " ms |");
        lines.add("");
    }

    synchronized void kill(String component, long pid, long newPid, long restartMs, long recoveryMs, int acceptedDuring) {
        kills.add("| " + component + " | " + pid + " → " + newPid + " | " + restartMs + " | " + recoveryMs + " | "
                + acceptedDuring + " |");
    }

    /** The stall readers saw around the kills of one kind (their answer streaming at the moment of a kill). */
    synchronized void stalls(String kind, int kills, List<java.time.Duration> waits) {
        List<Long> ms = waits.stream().map(java.time.Duration::toMillis).sorted().toList();
        String figures = ms.isEmpty() ? "– | – | –"
                : percentile(ms, 50) + " | " + percentile(ms, 99) + " | " + ms.get(ms.size() - 1);
        stalls.add("| " + kind + " | " + kills + " | " + ms.size() + " | " + figures + " |");
    }

    /** Nearest-rank percentile {@code p} of an ascending, non-empty list (also the failover figures' p50/p99). */
    static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    synchronized void load(int conversations, int chunkMs, ChatLoad.Verdict v) {
        lines.add("## Kill tests");
        lines.add("");
        lines.add(conversations + " concurrent conversations, answers of 20 chunks " + chunkMs + " ms apart.");
        lines.add("");
        lines.add("| component | pid | killed → restarted (ms) | killed → a new chat done (ms) | prompts accepted in the phase |");
        lines.add("|---|---|---|---|---|");
        lines.addAll(kills);
        lines.add("");
        if (!stalls.isEmpty()) {
            lines.add("User-visible stall: for each answer streaming at the moment of a kill, the wait for its next event.");
            lines.add("");
            lines.add("| kind | kills | streams | stall p50 (ms) | p99 (ms) | max (ms) |");
            lines.add("|---|---|---|---|---|---|");
            lines.addAll(stalls);
            lines.add("");
        }
        lines.add("| accepted | completed | failed (explicit error) | lost | duplicated | wrong text | stream gaps/repeats | reconnects |");
        lines.add("|---|---|---|---|---|---|---|---|");
        lines.add("| " + v.accepted() + " | " + v.completed() + " | " + v.failedExplicitly() + " | " + v.lost() + " | "
                + v.duplicated() + " | " + v.wrongText() + " | " + v.streamGaps() + " | " + v.reconnects() + " |");
        lines.add("");
        if (!v.problems().isEmpty()) {
            lines.add("Problems (first 50):");
            v.problems().stream().limit(50).forEach(p -> lines.add("- " + p));
            lines.add("");
        }
        if (!v.refusals().isEmpty()) {
            lines.add("Refused sends (not accepted, first 20): " + v.refusals().stream().limit(20).toList());
            lines.add("");
        }
    }

    void write(Path dir) throws IOException {
        if (!kills.isEmpty() && lines.stream().noneMatch(l -> l.startsWith("## Kill tests"))) {
            lines.add("## Kill tests (incomplete)");
            lines.addAll(kills);
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve("fault-report.md"), lines);
        System.out.println(String.join("\n", lines));
    }
}
