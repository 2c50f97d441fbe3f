package io.chatstream.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many open, nearly idle SSE connections on one gateway: a few slow answers (one token every
 * {@code tokenGap}, heartbeats in between), each followed by many readers, as when a user has many tabs
 * open. Every reader is one SSE connection on the gateway and one StreamAnswer call on the query service,
 * so the live-heap difference of each divided by the readers is its memory per connection / stream.
 */
final class IdleConnections {

    private final ChatClient client;
    private final StackUnderTest stack;
    private final java.nio.file.Path reportDir;

    IdleConnections(ChatClient client, StackUnderTest stack, java.nio.file.Path reportDir) {
        this.client = client;
        this.stack = stack;
        this.reportDir = reportDir;
    }

    Map<String, Object> run(List<String> tokens, int connections, int answers, Duration hold) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long gatewayPid = stack.pid("gateway");
        long queryPid = stack.pid("query");
        // One token every 20 s keeps each answer alive (worker idle timeout 30 s) and the streams quiet.
        String prompt = "[sim:chunks=100][sim:delay=0,20000][sim:stamp] hold the line";
        List<String> requestIds = new ArrayList<>();
        for (int a = 0; a < answers; a++) {
            ChatClient.Submitted s = client.submit(tokens.get(a % tokens.size()), prompt).get(60, TimeUnit.SECONDS);
            if (!s.accepted()) {
                throw new IllegalStateException("idle scenario: submit refused: HTTP " + s.status() + " " + s.error());
            }
            requestIds.add(s.requestId());
        }
        Thread.sleep(3000);
        long gatewayBefore = JvmProbe.liveHeapBytes(gatewayPid, stack.http("gateway"));
        long queryBefore = JvmProbe.liveHeapBytes(queryPid, stack.http("query"));
        String gatewayClassesBefore = JvmProbe.jcmd(gatewayPid, "GC.class_histogram");
        out.put("gateway_threads_before", ProcStats.threads(gatewayPid));
        out.put("query_threads_before", ProcStats.threads(queryPid));

        List<StreamProbe> probes = new ArrayList<>(connections);
        long openStarted = System.nanoTime();
        int batch = 250;
        for (int c = 0; c < connections; c += batch) {
            List<CompletableFuture<Void>> firsts = new ArrayList<>();
            for (int i = c; i < Math.min(connections, c + batch); i++) {
                int a = i % answers;
                StreamProbe probe = new StreamProbe(StreamProbe.Wire.GATEWAY, StreamProbe.nowMicros());
                client.stream(tokens.get(a % tokens.size()), requestIds.get(a), probe);
                probes.add(probe);
                firsts.add(probe.firstEvent());
            }
            // Open at the pace the stack accepts them: each batch must see its first event.
            try {
                CompletableFuture.allOf(firsts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                break;
            }
        }
        out.put("open_seconds", Latencies.round((System.nanoTime() - openStarted) / 1e9));
        Thread.sleep(hold.toMillis());
        long established = probes.stream().filter(p -> p.firstEvent().isDone() && !p.finished().isDone()).count();
        long failed = probes.stream().filter(p -> p.finished().isDone()).count();
        long gatewayWith = JvmProbe.liveHeapBytes(gatewayPid, stack.http("gateway"));
        long queryWith = JvmProbe.liveHeapBytes(queryPid, stack.http("query"));
        String gatewayClassesWith = JvmProbe.jcmd(gatewayPid, "GC.class_histogram");
        java.nio.file.Files.writeString(reportDir.resolve("idle-gateway-class-histogram.txt"), gatewayClassesWith);
        java.nio.file.Files.writeString(reportDir.resolve("idle-query-class-histogram.txt"),
                JvmProbe.jcmd(queryPid, "GC.class_histogram"));
        out.put("connections_requested", connections);
        out.put("connections_open_after_hold", established);
        out.put("connections_failed", failed);
        Map<String, Long> reasons = new LinkedHashMap<>();
        probes.stream().filter(p -> p.finished().isDone()).forEach(p ->
                reasons.merge(String.valueOf(p.problem(-1)), 1L, Long::sum));
        out.put("failure_reasons", reasons);
        out.put("gateway_threads_open", ProcStats.threads(gatewayPid));
        out.put("query_threads_open", ProcStats.threads(queryPid));
        out.put("gateway_live_heap_mib_before", mib(gatewayBefore));
        out.put("gateway_live_heap_mib_open", mib(gatewayWith));
        out.put("query_live_heap_mib_before", mib(queryBefore));
        out.put("query_live_heap_mib_open", mib(queryWith));
        out.put("gateway_heap_kib_per_connection", perConnection(gatewayWith - gatewayBefore, established));
        out.put("query_heap_kib_per_stream", perConnection(queryWith - queryBefore, established));
        // Where the gateway's heap per connection goes: the classes that grew most, per open connection.
        out.put("gateway_heap_by_class_per_connection", ClassHistogram.growthPer(ClassHistogram.parse(gatewayClassesBefore),
                ClassHistogram.parse(gatewayClassesWith), established, 12));
        out.put("gateway_rss_mib_open", mib(ProcStats.rssKib(gatewayPid) * 1024));
        out.put("query_rss_mib_open", mib(ProcStats.rssKib(queryPid) * 1024));
        out.put("stack_rss_mib_open", ProcStats.rssByProcess(stack.launcherPid()).get("total"));
        probes.forEach(StreamProbe::cancel);
        return out;
    }

    private static Object perConnection(long bytes, long connections) {
        return connections == 0 ? null : Latencies.round(bytes / 1024.0 / connections);
    }

    static Object mib(long bytes) {
        return Latencies.round(bytes / 1048576.0);
    }
}
