package io.chatstream.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Live heap of a service JVM: a full GC through jcmd, then the heap used from its Prometheus endpoint. */
final class JvmProbe {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JvmProbe() {
    }

    /** Heap in use after a full GC, in bytes (live objects). */
    static long liveHeapBytes(long pid, URI http) {
        jcmd(pid, "GC.run");
        return heapUsedBytes(http);
    }

    static long heapUsedBytes(URI http) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(http.resolve("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return heapUsedOf(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + http + "/actuator/prometheus", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sums {@code jvm_memory_used_bytes} over the heap pools of a Prometheus text page. */
    static long heapUsedOf(String prometheus) {
        double sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    /** Runs {@code jcmd pid command...} with the JDK that runs the benchmark; returns its output. */
    static String jcmd(long pid, String... command) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(Long.toString(pid));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
