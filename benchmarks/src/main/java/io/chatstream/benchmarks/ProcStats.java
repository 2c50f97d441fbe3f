package io.chatstream.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time and resident memory of processes, read from Linux's /proc (no agent in the services).
 * CPU is utime + stime in clock ticks; the kernel's USER_HZ is 100 on every mainstream Linux.
 */
final class ProcStats {

    static final long TICKS_PER_SECOND = 100;

    private ProcStats() {
    }

    /** utime + stime of {@code pid} in milliseconds, or -1 when it is gone. */
    static long cpuMillis(long pid) {
        try {
            return cpuMillisOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Context switches of all of {@code pid}'s threads so far (voluntary: the thread waited, for a lock, a queue or
     * I/O; involuntary: the scheduler took the core), or 0 when it is gone. Each hand-off of work from one thread
     * to another costs at least one: the waiting thread is woken.
     */
    static long contextSwitches(long pid) {
        long[] total = new long[1];
        forEachTask(pid, task -> total[0] += contextSwitchesOf(Files.readString(task.resolve("status"))));
        return total[0];
    }

    /** voluntary_ctxt_switches + nonvoluntary_ctxt_switches of a /proc/PID/task/TID/status text. */
    static long contextSwitchesOf(String status) {
        long total = 0;
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                total += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    /**
     * CPU milliseconds of {@code pid}'s threads, summed by {@link #threadGroup} (a pool's threads together), or
     * empty when it is gone. A thread that ended meanwhile takes its CPU with it.
     */
    static Map<String, Long> cpuByThreadGroup(long pid) {
        Map<String, Long> groups = new LinkedHashMap<>();
        forEachTask(pid, task -> {
            String stat = Files.readString(task.resolve("stat"));
            groups.merge(threadGroup(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))),
                    cpuMillisOf(stat), Long::sum);
        });
        return groups;
    }

    /** What {@link #forEachTask} does with one thread's /proc/PID/task/TID directory. */
    private interface TaskReader {
        void read(Path task) throws IOException;
    }

    /** Each thread of {@code pid}; a thread that ends meanwhile, or a process that is gone, is skipped. */
    private static void forEachTask(long pid, TaskReader reader) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    reader.read(task);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** A thread's name (as /proc cuts it, 15 characters) with its numbers as {@code #}: "answer-#", "C# CompilerThre". */
    static String threadGroup(String comm) {
        return comm.replaceAll("[0-9]+", "#");
    }

    /**
     * CPU milliseconds of a JVM's JIT compiler threads among its thread groups ({@link #cpuByThreadGroup}): "C1
     * CompilerThreadN" and "C2 CompilerThreadN", which /proc cuts to "C1 CompilerThre", are group "C# CompilerThre".
     * 0 for a process that is not a JVM.
     */
    static long compilerMillis(Map<String, Long> threadGroups) {
        return threadGroups.getOrDefault(COMPILER_GROUP, 0L);
    }

    private static final String COMPILER_GROUP = "C# CompilerThre";

    /** Parses a /proc/PID/stat line; the command name may contain spaces and parentheses. */
    static long cpuMillisOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is the state (field 3 of the line): utime and stime are fields 14 and 15.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** VmRSS of {@code pid} in KiB, or 0 when it is gone. */
    static long rssKib(long pid) {
        try {
            return rssKibOf(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return 0;
        }
    }

    static long rssKibOf(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** {@code root} and every process below it. */
    static List<Long> tree(long root) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(root).ifPresent(p -> {
            pids.add(p.pid());
            p.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    /** A short name for a process of the stack: its jar, main class or executable. */
    static String nameOf(long pid) {
        String cmd = ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("?");
        java.util.regex.Matcher jar = java.util.regex.Pattern.compile("-jar \\S*?([^/ ]+)\\.jar").matcher(cmd);
        if (jar.find()) {
            return jar.group(1);
        }
        java.util.regex.Matcher kafka = java.util.regex.Pattern.compile("(kafka\\.Kafka|KafkaBroker\\S*)").matcher(cmd);
        if (kafka.find()) {
            return "kafka";
        }
        String exe = cmd.split(" ")[0];
        return executableName(exe.substring(exe.lastIndexOf('/') + 1));
    }

    /** Debian's redis-server is a link to redis-check-rdb, which is what /proc shows: named as it is started. */
    static String executableName(String exe) {
        return exe.equals("redis-check-rdb") ? "redis-server" : exe;
    }

    /** CPU milliseconds of each process of the tree at this moment, by name (duplicates get #pid). */
    static Map<String, Long> cpuByProcess(long root) {
        return byProcess(root, pid -> Math.max(0, cpuMillis(pid)));
    }

    /** CPU milliseconds by thread group ({@link #cpuByThreadGroup}) of each process of the tree, named as {@link #cpuByProcess}. */
    static Map<String, Map<String, Long>> threadCpuByProcess(long root) {
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        for (long pid : tree(root)) {
            String name = nameOf(pid);
            values.put(values.containsKey(name) ? name + "#" + pid : name, cpuByThreadGroup(pid));
        }
        return values;
    }

    /** Context switches of each process of the tree so far, named as {@link #cpuByProcess}. */
    static Map<String, Long> contextSwitchesByProcess(long root) {
        return byProcess(root, ProcStats::contextSwitches);
    }

    private static Map<String, Long> byProcess(long root, java.util.function.LongUnaryOperator figure) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (long pid : tree(root)) {
            String name = nameOf(pid);
            values.put(values.containsKey(name) ? name + "#" + pid : name, figure.applyAsLong(pid));
        }
        return values;
    }

    /** RSS in MiB of each process of the tree, by name, plus "total". */
    static Map<String, Object> rssByProcess(long root) {
        Map<String, Object> rss = new LinkedHashMap<>();
        long total = 0;
        for (long pid : tree(root)) {
            long kib = rssKib(pid);
            total += kib;
            String name = nameOf(pid);
            rss.put(rss.containsKey(name) ? name + "#" + pid : name, Math.round(kib / 102.4) / 10.0);
        }
        rss.put("total", Math.round(total / 102.4) / 10.0);
        return rss;
    }

    /** Threads of {@code pid} (the Threads: line of /proc/PID/status), or 0 when it is gone. */
    static long threads(long pid) {
        try {
            for (String line : Files.readString(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
                if (line.startsWith("Threads:")) {
                    return Long.parseLong(line.substring(8).trim());
                }
            }
        } catch (IOException e) {
            // gone
        }
        return 0;
    }
}
