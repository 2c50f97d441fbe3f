package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Observability and the edge, on one real stack (issue 8): a chat through nginx over HTTPS, one
 * trace id across the four services' logs, JSON logs without secrets, and readiness that follows
 * Redis and Kafka (paused with SIGSTOP, resumed with SIGCONT: a dependency that stops answering).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("gateway", "command", "worker", "query");
    private static final String DEV_JWT_SECRET = "chatstream-local-dev-secret-not-for-production-use";
    /** The dummy DashScope key the launcher gives the worker when answers come from the simulator. */
    private static final String SIMULATOR_API_KEY = "sk-local-simulator";

    private static RunningStack stack;
    private static final HttpClient DIRECT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> issuedTokens = new ArrayList<>();

    @BeforeAll
    static void startStack() throws Exception {
        stack = RunningStack.start("observability");
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("through nginx over HTTPS: HTTP redirects, headers are set, SSE arrives progressively, a burst of sends is limited")
    void chatThroughNginx() throws Exception {
        Assumptions.assumeTrue(EdgeNginx.installed(), "nginx is not installed at " + EdgeNginx.BINARY);
        Path dir = stack.stateDir().resolve("nginx");
        try (EdgeNginx nginx = EdgeNginx.start(dir, stack.port("gateway-port"))) {
            HttpClient client = nginx.client();

            HttpResponse<Void> redirect = client.send(get(nginx.http() + "/"), HttpResponse.BodyHandlers.discarding());
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location")).hasValue("https://127.0.0.1/");

            HttpResponse<String> page = client.send(get(nginx.https() + "/"), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

            // The edge never lets the development sign-in through (404); the token is issued by the gateway itself.
            HttpResponse<Void> devSignIn = client.send(HttpRequest.newBuilder(URI.create(nginx.https() + "/api/auth/dev-token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"edge-alice\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(devSignIn.statusCode()).isEqualTo(404);
            String bearer = token(DIRECT, stack.gateway(), "edge-alice");
            JsonNode accepted = send(client, nginx.https(), bearer,
                    "[sim:delay=300,250] [sim:chunks=12] Hello through the edge", Optional.empty());
            List<Long> tokenArrivals = new ArrayList<>();
            String lastEvent = stream(client, nginx.https(), bearer, accepted.get("request_id").asText(), tokenArrivals);

            assertThat(lastEvent).isEqualTo("done");
            assertThat(tokenArrivals).as("token events").hasSizeGreaterThanOrEqualTo(6);
            long spreadMs = TimeUnit.NANOSECONDS.toMillis(tokenArrivals.get(tokenArrivals.size() - 1) - tokenArrivals.get(0));
            long distinctTenths = tokenArrivals.stream().map(t -> TimeUnit.NANOSECONDS.toMillis(t - tokenArrivals.get(0)) / 100)
                    .distinct().count();
            System.out.printf("SSE through nginx: %d token events over %d ms in %d distinct 100 ms slots%n",
                    tokenArrivals.size(), spreadMs, distinctTenths);
            // 12 chunks 250 ms apart: buffered, they would arrive in one slot at the end.
            assertThat(spreadMs).as("events spread over time, not one buffered blob").isGreaterThanOrEqualTo(600);
            assertThat(distinctTenths).as("events arrive in several separate moments").isGreaterThanOrEqualTo(4);

            // A burst of sends (invalid bodies: nothing is submitted) all at once: 5 r/s, burst 10.
            List<CompletableFuture<HttpResponse<Void>>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                burst.add(client.sendAsync(HttpRequest.newBuilder(URI.create(nginx.https() + "/api/chat/send"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<Void>> response : burst) {
                statuses.add(response.get(60, TimeUnit.SECONDS).statusCode());
            }
            System.out.println("burst of 40 sends through nginx: " + statuses);
            assertThat(statuses).as("limit_req refuses part of the burst").containsAnyOf(429, 503);
            assertThat(statuses).as("the rest reached the gateway (400: empty body)").contains(400);
        }
    }

    @Test
    @Order(2)
    @DisplayName("one chat request: gateway, command, worker and query all log under the trace id the client sent")
    void oneTraceAcrossTheServices() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String bearer = token(DIRECT, stack.gateway(), "trace-alice");
        JsonNode accepted = send(DIRECT, stack.gateway(), bearer, "Hello, who follows this trace?",
                Optional.of("00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01"));
        String requestId = accepted.get("request_id").asText();
        assertThat(stream(DIRECT, stack.gateway(), bearer, requestId, new ArrayList<>())).isEqualTo("done");

        await("every hop of " + requestId + " logged under trace " + traceId).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    assertThat(linesOf("gateway", traceId)).anyMatch(m -> m.contains("prompt " + requestId + " accepted by command"));
                    assertThat(linesOf("command", traceId)).anyMatch(m -> m.contains("prompt " + requestId + " accepted"));
                    // The worker's outcome line also prints the event's trace_id field: the same W3C id.
                    assertThat(linesOf("worker", traceId)).anyMatch(m -> m.contains("answer " + requestId + " completed")
                            && m.contains("trace_id=" + traceId));
                    assertThat(linesOf("query", traceId)).anyMatch(m -> m.contains("prompt " + requestId + " projected"));
                    assertThat(linesOf("query", traceId)).anyMatch(m -> m.contains("answer " + requestId + " completed projected"));
                    assertThat(linesOf("command", traceId)).anyMatch(m -> m.contains("answer of " + requestId + " recorded"));
                    // The SSE request is a trace of its own; query logs the end of the relay in the send's trace.
                    assertThat(linesOf("query", traceId)).anyMatch(m -> m.contains("answer stream " + requestId + " relayed to the client"));
                });
    }

    @Test
    @Order(3)
    @DisplayName("after the chats, each stage of time to first token and the gRPC calls are on the Prometheus endpoints")
    void stageMetricsAreExposed() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "worker-port", List.of("chat_worker_queue_wait_seconds_count", "chat_worker_first_token_seconds_count"),
                "query-port", List.of("chat_query_stream_relay_delay_seconds_count",
                        "grpc_server_processing_duration_seconds_count method=\"StreamAnswer\""),
                "command-port", List.of("grpc_server_processing_duration_seconds_count method=\"SubmitPrompt\""),
                "gateway-port", List.of("chat_gateway_sse_first_event_seconds_count", "chat_gateway_sse_active",
                        "grpc_client_processing_duration_seconds_count method=\"SubmitPrompt\""));
        for (Map.Entry<String, List<String>> service : expected.entrySet()) {
            String scrape = DIRECT.send(get("http://127.0.0.1:" + stack.port(service.getKey()) + "/actuator/prometheus"),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String metric : service.getValue()) {
                // "name label=value": a sample of that meter carrying that label (labels are sorted, so no prefix match).
                String[] nameAndLabel = metric.split(" ", 2);
                assertThat(scrape.lines()).as(service.getKey() + " exposes " + metric).anyMatch(line ->
                        line.startsWith(nameAndLabel[0]) && (nameAndLabel.length == 1 || line.contains(nameAndLabel[1])));
            }
        }
    }

    @Test
    @Order(4)
    @DisplayName("every service logs JSON lines, and no token, JWT secret or API key ever reaches a log")
    void logsAreJsonWithoutSecrets() throws Exception {
        assertThat(issuedTokens).isNotEmpty();
        for (String service : SERVICES) {
            List<String> lines = Files.readAllLines(stack.log(service), StandardCharsets.UTF_8);
            assertThat(lines).as(service + " log").hasSizeGreaterThan(10);
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.has("@timestamp") && entry.has("message") && entry.path("log").has("level"))
                        .as("%s: a JSON log line: %s", service, line).isTrue();
                assertThat(entry.path("service").path("name").asText()).isEqualTo(service);
                assertThat(line).as(service).doesNotContain(DEV_JWT_SECRET, SIMULATOR_API_KEY, "Bearer ey");
                for (String jwt : issuedTokens) {
                    assertThat(line).as(service).doesNotContain(jwt).doesNotContain(jwt.substring(jwt.lastIndexOf('.') + 1));
                }
            }
        }
    }

    @Test
    @Order(5)
    @DisplayName("readiness goes DOWN while Redis or Kafka stops answering and UP again after; liveness stays UP")
    void readinessFollowsDependencies() throws Exception {
        ProcessHandle redis = nativeProcess("redis");
        ProcessHandle kafka = javaProcess("kafka.Kafka");
        try {
            signal(redis, "STOP");
            awaitReadiness("worker-port", 503, "redis", "DOWN");
            awaitReadiness("query-port", 503, "redis", "DOWN");
            assertThat(status("worker-port", "/actuator/health/liveness")).isEqualTo(200);
            assertThat(status("command-port", "/actuator/health/readiness")).as("Redis is optional for command").isEqualTo(200);
            signal(redis, "CONT");
            awaitReadiness("worker-port", 200, "redis", "UP");
            awaitReadiness("query-port", 200, "redis", "UP");

            signal(kafka, "STOP");
            for (String service : List.of("command-port", "worker-port", "query-port")) {
                awaitReadiness(service, 503, "kafka", "DOWN");
                assertThat(status(service, "/actuator/health/liveness")).isEqualTo(200);
            }
            signal(kafka, "CONT");
            for (String service : List.of("command-port", "worker-port", "query-port")) {
                awaitReadiness(service, 200, "kafka", "UP");
            }
        } finally {
            signal(redis, "CONT");
            signal(kafka, "CONT");
        }
    }

    // ---- helpers

    private static List<String> linesOf(String service, String traceId) throws Exception {
        List<String> messages = new ArrayList<>();
        for (String line : Files.readAllLines(stack.log(service), StandardCharsets.UTF_8)) {
            if (line.contains(traceId)) {
                JsonNode entry = JSON.readTree(line);
                if (traceId.equals(entry.path("trace_id").asText())) {
                    messages.add(entry.path("message").asText());
                }
            }
        }
        return messages;
    }

    private static void awaitReadiness(String portName, int httpStatus, String component, String state) {
        await(portName + " readiness " + httpStatus + " with " + component + " " + state).atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    HttpResponse<String> readiness = DIRECT.send(get("http://127.0.0.1:" + stack.port(portName)
                            + "/actuator/health/readiness"), HttpResponse.BodyHandlers.ofString());
                    assertThat(readiness.statusCode()).isEqualTo(httpStatus);
                    assertThat(JSON.readTree(readiness.body()).path("components").path(component).path("status").asText())
                            .isEqualTo(state);
                });
    }

    private static int status(String portName, String path) throws Exception {
        return DIRECT.send(get("http://127.0.0.1:" + stack.port(portName) + path), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** A JVM the stack started (the test owns it through the launcher), found by its command line. */
    private static ProcessHandle javaProcess(String mainClass) {
        return descendant(p -> isJava(p) && p.info().commandLine().map(c -> c.contains(mainClass)).orElse(false), mainClass);
    }

    /**
     * A non-Java process the stack started. redis-server rewrites its process title, so only its
     * executable may be readable (on Debian {@code redis-check-rdb}, which redis-server links to).
     */
    private static ProcessHandle nativeProcess(String name) {
        return descendant(p -> !isJava(p) && (p.info().commandLine().map(c -> c.contains(name)).orElse(false)
                || p.info().command().map(c -> c.contains(name)).orElse(false)), name);
    }

    private static boolean isJava(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    private static ProcessHandle descendant(Predicate<ProcessHandle> matches, String what) {
        return stack.launcher().descendants().filter(matches).findFirst()
                .orElseThrow(() -> new AssertionError("no process of the stack runs " + what));
    }

    private static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %d", signal, process.pid()).isTrue();
    }

    private static String token(HttpClient client, String base, String user) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/dev-token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = JSON.readTree(response.body()).get("token").asText();
        issuedTokens.add(token);
        return "Bearer " + token;
    }

    private static JsonNode send(HttpClient client, String base, String bearer, String prompt, Optional<String> traceparent)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/chat/send"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("prompt", prompt).toString()));
        traceparent.ifPresent(value -> request.header("traceparent", value));
        // A loaded CI machine can make the first calls miss the gateway's gRPC deadline (503): retry those.
        AtomicReference<HttpResponse<String>> accepted = new AtomicReference<>();
        await("the send is accepted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isIn(202, 503);
            accepted.set(response);
            return response.statusCode() == 202;
        });
        return JSON.readTree(accepted.get().body());
    }

    /** Reads the answer's SSE stream to its end; records when each token event arrived (nanoTime). */
    private static String stream(HttpClient client, String base, String bearer, String requestId, List<Long> tokenArrivals)
            throws Exception {
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(
                URI.create(base + "/api/chat/stream?request_id=" + requestId)).header("Authorization", bearer)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        String event = "message";
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    if ("token".equals(event)) {
                        tokenArrivals.add(System.nanoTime());
                    }
                    if ("done".equals(event) || "error".equals(event)) {
                        return event;
                    }
                } else if (line.isEmpty()) {
                    event = "message";
                }
            }
        }
        return event;
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1;
        return bytes;
    }
}
