package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    @DisplayName("utime + stime are read after the command name, even one with spaces and parentheses")
    void cpuOfStatLine() {
        String stat = "4242 (java (C2) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 40 0 123 456 789";

        assertThat(ProcStats.cpuMillisOf(stat)).isEqualTo((250 + 50) * 10);
    }

    @Test
    @DisplayName("VmRSS is read in KiB from /proc/PID/status")
    void rss() {
        assertThat(ProcStats.rssKibOf("Name:\tjava\nVmRSS:\t  123456 kB\nThreads:\t40\n")).isEqualTo(123456);
    }

    @Test
    @DisplayName("this JVM's own /proc entries are readable: CPU, RSS, threads and its process tree")
    void ownProcess() {
        long self = ProcessHandle.current().pid();

        assertThat(ProcStats.cpuMillis(self)).isPositive();
        assertThat(ProcStats.rssKib(self)).isPositive();
        assertThat(ProcStats.threads(self)).isPositive();
        assertThat(ProcStats.tree(self)).contains(self);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("the JIT compiler threads of a JVM are found by their names in /proc")
    void compilerThreads() {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String comm : new String[] {"C2 CompilerThre", "C1 CompilerThre", "http-nio-8080-e"}) {
            groups.merge(ProcStats.threadGroup(comm), 10L, Long::sum);
        }
        assertThat(ProcStats.compilerMillis(groups)).isEqualTo(20);
        assertThat(ProcStats.compilerMillis(Map.of("http-nio-#-e", 10L))).isZero();
        assertThat(ProcStats.compilerMillis(ProcStats.cpuByThreadGroup(ProcessHandle.current().pid()))).isNotNegative();
    }

    @Test
    @DisplayName("context switches are voluntary + involuntary, summed over the threads; a thread that waits adds to them")
    void contextSwitches() throws Exception {
        assertThat(ProcStats.contextSwitchesOf("Name:\tjava\nvoluntary_ctxt_switches:\t120\n"
                + "nonvoluntary_ctxt_switches:\t7\n")).isEqualTo(127);
        long self = ProcessHandle.current().pid();
        long before = ProcStats.contextSwitches(self);
        for (int i = 0; i < 20; i++) {
            Thread sleeper = new Thread(() -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sleeper.start();
            sleeper.join();
        }

        // Each join waits for a thread that sleeps: the main thread alone is switched out 20 times.
        assertThat(ProcStats.contextSwitches(self) - before).isGreaterThanOrEqualTo(20);
    }
}
