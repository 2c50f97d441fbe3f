package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CpuSampleTest {

    @Test
    @DisplayName("the product is the four services, Kafka, Redis, MariaDB and nginx; the rest is counted apart")
    void groups() {
        for (String p : new String[] {"gateway-routes", "gateway-routes#123", "command-routes", "worker-routes",
            "query-routes", "kafka", "redis-server", "mariadbd", "nginx"}) {
            assertThat(CpuSample.group(p)).as(p).isEqualTo("product");
        }
        assertThat(ProcStats.executableName("redis-check-rdb")).isEqualTo("redis-server");
        assertThat(CpuSample.group("simulator")).isEqualTo("simulator");
        assertThat(CpuSample.group("load-client")).isEqualTo("load_client");
        assertThat(CpuSample.group("local-stack")).isEqualTo("other");
        assertThat(CpuSample.group("identity-provider")).isEqualTo("other");
    }

    @Test
    @DisplayName("/proc/stat's cpu line gives the steal ticks; this process's CPU counts as the load client's")
    void machineAndSelf() throws Exception {
        assertThat(CpuSample.parseCpuLine("cpu  100 2 30 4000 5 0 6 70 0 0")).containsExactly(100, 2, 30, 4000, 5, 0, 6, 70);
        long self = ProcessHandle.current().pid();
        CpuSample before = CpuSample.take(self, self);
        long spin = System.nanoTime() + 300_000_000L;
        double x = 0;
        while (System.nanoTime() < spin) {
            x += Math.sqrt(x + 1);
        }
        CpuSample after = CpuSample.take(self, self);
        assertThat(x).isPositive();
        assertThat(after.millisSince(before).get("load-client")).isPositive();
        assertThat(after.describeSince(before)).containsKeys("product_cpu_s", "load_client_cores", "steal_share",
                "machine_busy_share");
    }
}
