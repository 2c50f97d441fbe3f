package io.chatstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The load client. One {@link HttpClient} (HTTP/1.1, one selector thread, a small handler pool) holds
 * every connection, so thousands of open SSE streams cost sockets and buffers, not threads.
 */
final class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final URI gateway;
    private final URI simulator;
    private final ExecutorService handlers;
    private final HttpClient http;

    ChatClient(URI gateway, URI simulator, int handlerThreads) {
        this.gateway = gateway;
        this.simulator = simulator;
        this.handlers = Executors.newFixedThreadPool(handlerThreads, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(20)).executor(handlers).build();
    }

    /** A development token for {@code user} (the local profile's dev-token endpoint). */
    CompletableFuture<String> devToken(String user) {
        ObjectNode body = JSON.createObjectNode().put("user_id", user);
        return http.sendAsync(post(gateway.resolve("/api/auth/dev-token"), body.toString()).build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> {
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("dev-token: HTTP " + r.statusCode() + " " + r.body());
                    }
                    return read(r.body()).path("token").asText();
                });
    }

    /** POST /api/chat/send in a new session; completes with the HTTP status (202 = accepted) and the request id. */
    CompletableFuture<Submitted> submit(String token, String prompt) {
        ObjectNode body = JSON.createObjectNode().put("prompt", prompt);
        long started = System.nanoTime();
        return http.sendAsync(post(gateway.resolve("/api/chat/send"), body.toString())
                                .header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> {
                    long micros = (System.nanoTime() - started) / 1000;
                    if (e != null) {
                        return new Submitted(-1, null, micros, e.getClass().getSimpleName());
                    }
                    boolean ok = r.statusCode() / 100 == 2;
                    String requestId = ok ? read(r.body()).path("request_id").asText(null) : null;
                    return new Submitted(r.statusCode(), requestId, micros, ok ? null : r.body());
                });
    }

    /** GET /api/chat/stream for {@code requestId}; the probe sees every line as it arrives. */
    CompletableFuture<StreamProbe> stream(String token, String requestId, StreamProbe probe) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/chat/stream?request_id="
                        + URLEncoder.encode(requestId, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        return follow(request, probe);
    }

    /** The baseline: the same client streaming straight from the simulator (DashScope wire). */
    CompletableFuture<StreamProbe> streamDirect(String prompt, StreamProbe probe) {
        ObjectNode body = JSON.createObjectNode().put("model", "qwen-plus");
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.putObject("parameters").put("result_format", "message").put("incremental_output", true);
        HttpRequest request = HttpRequest.newBuilder(simulator.resolve("services/aigc/text-generation/generation"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-benchmark")
                .header("X-DashScope-SSE", "enable").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return follow(request, probe);
    }

    private CompletableFuture<StreamProbe> follow(HttpRequest request, StreamProbe probe) {
        HttpResponse.BodyHandler<StreamProbe> handler = info -> {
            if (info.statusCode() != 200) {
                probe.fail("HTTP " + info.statusCode());
            }
            return HttpResponse.BodySubscribers.fromLineSubscriber(probe, p -> p, StandardCharsets.UTF_8, null);
        };
        http.sendAsync(request, handler).whenComplete((r, e) -> {
            if (e != null) {
                probe.fail("transport: " + rootCause(e).getClass().getSimpleName());
            }
        });
        return probe.finished();
    }

    private static HttpRequest.Builder post(URI uri, String json) {
        return HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        handlers.shutdownNow();
    }

    /** The outcome of one submit: HTTP status (-1 = transport failure), request id, latency, error body. */
    record Submitted(int status, String requestId, long micros, String error) {
        boolean accepted() {
            return status / 100 == 2 && requestId != null;
        }
    }
}
