package io.chatstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of every process involved at one moment, and the machine's /proc/stat counters, so a phase
 * can say what the product spent apart from what the load client and the simulator spent, and how busy
 * the machine and its hypervisor (steal) were meanwhile.
 */
final class CpuSample {

    /** The product as deployed: the four services, Kafka, Redis, MariaDB and the nginx front door. */
    static final Set<String> PRODUCT = Set.of("gateway-routes", "command-routes", "worker-routes", "query-routes",
            "kafka", "redis-server", "mariadbd", "nginx");

    private final Map<String, Long> byProcess;
    private final Map<String, Long> switchesByProcess;
    private final Map<String, Map<String, Long>> threadsByProcess;
    private final long[] machine;
    private final long nanos = System.nanoTime();

    private CpuSample(Map<String, Long> byProcess, Map<String, Long> switchesByProcess,
            Map<String, Map<String, Long>> threadsByProcess, long[] machine) {
        this.byProcess = byProcess;
        this.switchesByProcess = switchesByProcess;
        this.threadsByProcess = threadsByProcess;
        this.machine = machine;
    }

    /** Now: the stack's process tree, the simulator's process and this (load client) process. */
    static CpuSample take(long launcherPid, long simulatorPid) {
        Map<String, Long> cpu = new LinkedHashMap<>(ProcStats.cpuByProcess(launcherPid));
        cpu.put("simulator", Math.max(0, ProcStats.cpuMillis(simulatorPid)));
        cpu.put("load-client", Math.max(0, ProcStats.cpuMillis(ProcessHandle.current().pid())));
        return new CpuSample(cpu, ProcStats.contextSwitchesByProcess(launcherPid),
                ProcStats.threadCpuByProcess(launcherPid), machineTicks());
    }

    /** The group a process counts in: product, simulator, load client, or other (launcher, identity provider). */
    static String group(String process) {
        String name = process.contains("#") ? process.substring(0, process.indexOf('#')) : process;
        if (PRODUCT.contains(name)) {
            return "product";
        }
        return switch (name) {
            case "simulator" -> "simulator";
            case "load-client" -> "load_client";
            default -> "other";
        };
    }

    /** CPU milliseconds spent since {@code before}, by group and by process. */
    Map<String, Long> millisSince(CpuSample before) {
        Map<String, Long> used = new LinkedHashMap<>();
        byProcess.forEach((name, ms) -> used.put(name, ms - before.byProcess.getOrDefault(name, 0L)));
        return used;
    }

    /** CPU seconds spent since {@code before}, by process, rounded for the report. */
    Map<String, Object> secondsByProcessSince(CpuSample before) {
        Map<String, Object> seconds = new LinkedHashMap<>();
        millisSince(before).forEach((name, ms) -> seconds.put(name, Latencies.round(ms / 1000.0)));
        return seconds;
    }

    long productMillisSince(CpuSample before) {
        return millisSince(before).entrySet().stream().filter(e -> group(e.getKey()).equals("product"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** CPU milliseconds since {@code before} of each product process's thread groups ("worker-routes" → "answer-#"). */
    Map<String, Map<String, Long>> productThreadMillisSince(CpuSample before) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        threadsByProcess.forEach((process, groups) -> {
            if (group(process).equals("product")) {
                Map<String, Long> earlier = before.threadsByProcess.getOrDefault(process, Map.of());
                Map<String, Long> spent = new LinkedHashMap<>();
                groups.forEach((g, ms) -> spent.put(g, ms - earlier.getOrDefault(g, 0L)));
                out.put(process, spent);
            }
        });
        return out;
    }

    /** Context switches of the product's processes (all their threads) since {@code before}. */
    long productSwitchesSince(CpuSample before) {
        return switchesByProcessSince(before).entrySet().stream().filter(e -> group(e.getKey()).equals("product"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Context switches of each process of the stack since {@code before}. */
    Map<String, Long> switchesByProcessSince(CpuSample before) {
        Map<String, Long> switches = new LinkedHashMap<>();
        switchesByProcess.forEach((name, n) -> switches.put(name, n - before.switchesByProcess.getOrDefault(name, 0L)));
        return switches;
    }

    /**
     * CPU milliseconds the product's JIT compiler threads spent since {@code before} (part of {@link #productMillisSince}),
     * from the same thread groups as {@link #productThreadMillisSince}.
     */
    long productJitMillisSince(CpuSample before) {
        return threadsByProcess.entrySet().stream().filter(e -> group(e.getKey()).equals("product"))
                .mapToLong(e -> ProcStats.compilerMillis(e.getValue())
                        - ProcStats.compilerMillis(before.threadsByProcess.getOrDefault(e.getKey(), Map.of())))
                .sum();
    }

    /** Cores' worth of CPU by group, the machine's busy share and steal share since {@code before}. */
    Map<String, Object> describeSince(CpuSample before) {
        double seconds = (nanos - before.nanos) / 1e9;
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (String g : new String[] {"product", "load_client", "simulator", "other"}) {
            byGroup.put(g, 0L);
        }
        millisSince(before).forEach((name, ms) -> byGroup.merge(group(name), ms, Long::sum));
        Map<String, Object> out = new LinkedHashMap<>();
        byGroup.forEach((g, ms) -> out.put(g + "_cpu_s", Latencies.round(ms / 1000.0)));
        // JIT compilation is part of the product's CPU; shown apart because it fades as the JVMs warm up.
        long jit = productJitMillisSince(before);
        out.put("of_which_product_jit_cpu_s", Latencies.round(jit / 1000.0));
        byGroup.forEach((g, ms) -> out.put(g + "_cores", Latencies.round(ms / 1000.0 / Math.max(0.001, seconds))));
        long total = 0;
        for (int i = 0; i < machine.length; i++) {
            total += machine[i] - before.machine[i];
        }
        long idle = (machine[3] - before.machine[3]) + (machine[4] - before.machine[4]);
        long steal = machine.length > 7 ? machine[7] - before.machine[7] : 0;
        out.put("machine_busy_share", total == 0 ? null : Latencies.round((double) (total - idle) / total));
        out.put("steal_share", total == 0 ? null : Latencies.round((double) steal / total));
        return out;
    }

    /** The aggregate "cpu" line of /proc/stat: user nice system idle iowait irq softirq steal (ticks). */
    private static long[] machineTicks() {
        try {
            return parseCpuLine(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | IndexOutOfBoundsException e) {
            return new long[8];
        }
    }

    static long[] parseCpuLine(String line) {
        String[] f = line.trim().split("\\s+");
        long[] ticks = new long[8];
        for (int i = 0; i < 8 && i + 1 < f.length; i++) {
            ticks[i] = Long.parseLong(f[i + 1]);
        }
        return ticks;
    }
}
