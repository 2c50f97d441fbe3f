package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrometheusHeapTest {

    @Test
    @DisplayName("heap in use is the sum of jvm_memory_used_bytes over the heap pools only")
    void heapUsed() {
        String page = """
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{application="gateway",area="heap",id="Eden Space"} 1000.0
                jvm_memory_used_bytes{application="gateway",area="heap",id="Tenured Gen"} 2.5E3
                jvm_memory_used_bytes{application="gateway",area="nonheap",id="Metaspace"} 99999.0
                jvm_memory_max_bytes{application="gateway",area="heap",id="Eden Space"} 7777.0
                """;

        assertThat(JvmProbe.heapUsedOf(page)).isEqualTo(3500);
    }
}
