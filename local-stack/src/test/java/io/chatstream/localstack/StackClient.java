package io.chatstream.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A client of the chat API that behaves as a careful browser page does while parts of the stack
 * die and come back: it sends each prompt with its own request id and repeats the same request
 * until a definite answer (so a lost response never makes two prompts), and it follows an answer
 * stream to its terminal event, reconnecting with {@code Last-Event-ID} after any break.
 */
final class StackClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String gateway;

    StackClient(String gateway) {
        this.gateway = gateway;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A development token for {@code user}; retried while the gateway is away. */
    String token(String user, long deadlineNanos) throws InterruptedException {
        while (true) {
            try {
                HttpResponse<String> r = http.send(request("/api/auth/dev-token", null)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + user + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return JSON.readTree(r.body()).get("token").asText();
                }
            } catch (IOException e) {
                // gateway down: try again
            }
            pauseOrGiveUp(deadlineNanos, "dev token for " + user);
        }
    }

    /** The result of sending one prompt: accepted (with the session), or refused for good with a code. */
    record Sent(boolean accepted, String requestId, String sessionId, int attempts, String refusal) {
    }

    /**
     * Sends {@code prompt} with a fresh request id, repeating the same request on 5xx, timeouts,
     * broken connections and {@code SESSION_BUSY} until it is accepted or refused with another 4xx.
     */
    Sent send(String token, String sessionId, String prompt, long deadlineNanos) throws InterruptedException {
        String requestId = UUID.randomUUID().toString();
        ObjectNode body = JSON.createObjectNode().put("prompt", prompt).put("request_id", requestId);
        if (sessionId != null) {
            body.put("session_id", sessionId);
        }
        return submit(token, "/api/chat/send", body, sessionId, deadlineNanos);
    }

    /** Asks for a new answer to the prompt {@code versionOf} (a regenerate), repeated like {@link #send}. */
    Sent regenerate(String token, String sessionId, String versionOf, long deadlineNanos) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("version_of", versionOf)
                .put("request_id", UUID.randomUUID().toString());
        return submit(token, "/api/chat/regenerate", body, sessionId, deadlineNanos);
    }

    /** Sends {@code prompt} in place of the prompt {@code versionOf} (an edit), repeated like {@link #send}. */
    Sent edit(String token, String sessionId, String versionOf, String prompt, long deadlineNanos)
            throws InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("prompt", prompt).put("version_of", versionOf)
                .put("session_id", sessionId).put("request_id", UUID.randomUUID().toString());
        return submit(token, "/api/chat/send", body, sessionId, deadlineNanos);
    }

    private Sent submit(String token, String path, ObjectNode body, String sessionId, long deadlineNanos)
            throws InterruptedException {
        String requestId = body.get("request_id").asText();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                HttpResponse<String> r = http.send(request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    JsonNode accepted = JSON.readTree(r.body());
                    return new Sent(true, accepted.get("request_id").asText(), accepted.get("session_id").asText(),
                            attempts, null);
                }
                String code = errorCode(r.body());
                boolean busy = status == 409 && "SESSION_BUSY".equals(code);
                if (status < 500 && status != 429 && !busy) {
                    return new Sent(false, requestId, sessionId, attempts, status + " " + code);
                }
            } catch (IOException e) {
                // the gateway went away mid-request: the same request id makes the repeat safe
            }
            pauseOrGiveUp(deadlineNanos, "send " + requestId);
        }
    }

    /**
     * What a reader saw of one answer across all its connections: every event's seq and arrival time
     * ({@link System#nanoTime()}), the resets, and the transport errors (error events without a seq,
     * which a page shows as a failure).
     */
    record Streamed(String terminal, String text, List<Long> ids, int connections, String errorCode, long endedAtNanos,
                    List<Long> arrivals, List<String> kinds, int resets, int transportErrors) {

        boolean ended() {
            return terminal != null;
        }

        /** seq ids 1..n, each once, across every reconnect. */
        boolean gapless() {
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i) != i + 1) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The longest the reader waited for an event from {@code fromNanos} on: the user-visible stall of
         * something that happened then (events already on their way when it happened arrive first).
         */
        Duration stallAfter(long fromNanos) {
            long longest = 0;
            long previous = fromNanos;
            for (long arrival : arrivals) {
                if (arrival > fromNanos) {
                    longest = Math.max(longest, arrival - previous);
                    previous = arrival;
                }
            }
            return Duration.ofNanos(longest);
        }

        /**
         * From {@code fromNanos} to the first token of the next attempt (the token after the first
         * {@code reset} that arrived after it); empty when no attempt began after it.
         */
        java.util.Optional<Duration> nextAttemptTokenAfter(long fromNanos) {
            boolean reset = false;
            for (int i = 0; i < arrivals.size(); i++) {
                if (arrivals.get(i) <= fromNanos) {
                    continue;
                }
                if (kinds.get(i).equals("reset")) {
                    reset = true;
                } else if (reset && kinds.get(i).equals("token")) {
                    return java.util.Optional.of(Duration.ofNanos(arrivals.get(i) - fromNanos));
                }
            }
            return java.util.Optional.empty();
        }

        /** The longest silence between two events of the answer. */
        Duration longestSilence() {
            long longest = 0;
            for (int i = 1; i < arrivals.size(); i++) {
                longest = Math.max(longest, arrivals.get(i) - arrivals.get(i - 1));
            }
            return Duration.ofNanos(longest);
        }
    }

    /** Everything read so far of one answer, across connections. */
    private static final class Reading {
        final java.util.concurrent.atomic.AtomicInteger events;
        final StringBuilder text = new StringBuilder();
        final List<Long> ids = new ArrayList<>();
        final List<Long> arrivals = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();
        int resets;
        int transportErrors;
        int connections;

        Reading(java.util.concurrent.atomic.AtomicInteger events) {
            this.events = events;
        }

        Streamed result(String[] end) {
            return new Streamed(end == null ? null : end[0], text.toString(), List.copyOf(ids), connections,
                    end == null ? null : end[1], System.nanoTime(), List.copyOf(arrivals), List.copyOf(kinds), resets,
                    transportErrors);
        }
    }

    /**
     * Follows the answer of {@code requestId} to {@code done} or its {@code error} entry; after a
     * broken connection, a transport error event (one without an id) or a refused reconnect it
     * reconnects with the last seen id. Gives up when {@code deadline} (re-read each time) passes.
     */
    Streamed follow(String token, String requestId, LongSupplier deadline) throws InterruptedException {
        return follow(token, requestId, deadline, new java.util.concurrent.atomic.AtomicInteger());
    }

    /** As {@link #follow(String, String, LongSupplier)}, counting the events in {@code events} as they arrive. */
    Streamed follow(String token, String requestId, LongSupplier deadline, java.util.concurrent.atomic.AtomicInteger events)
            throws InterruptedException {
        Reading reading = new Reading(events);
        while (true) {
            reading.connections++;
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(gateway + "/api/chat/stream?request_id=" + requestId))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                    .timeout(Duration.ofMinutes(5)).GET();
            if (!reading.ids.isEmpty()) {
                req.header("Last-Event-ID", Long.toString(reading.ids.get(reading.ids.size() - 1)));
            }
            try {
                HttpResponse<InputStream> r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() == 200) {
                    String[] end = read(r.body(), reading);
                    if (end != null) {
                        return reading.result(end);
                    }
                } else {
                    r.body().close();
                }
            } catch (IOException e) {
                // broken mid-stream or refused: reconnect below
            }
            if (System.nanoTime() > deadline.getAsLong()) {
                return reading.result(null);
            }
            // A browser's EventSource waits about this long before it reconnects.
            Thread.sleep(500);
        }
    }

    /** Reads events until a terminal one (returns {kind, error code}) or the end of this connection (null). */
    private static String[] read(InputStream body, Reading reading) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            Long id = null;
            String event = null;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null) {
                    JsonNode data = JSON.readTree(line.substring(5).trim());
                    if (id == null) {
                        // A transport failure reported after the stream began (no seq): resume.
                        reading.transportErrors++;
                        return null;
                    }
                    reading.ids.add(id);
                    reading.arrivals.add(System.nanoTime());
                    reading.kinds.add(event);
                    reading.events.incrementAndGet();
                    switch (event) {
                        case "token" -> reading.text.append(data.get("text").asText());
                        case "reset" -> {
                            reading.text.setLength(0);
                            reading.resets++;
                        }
                        case "done" -> {
                            return new String[] {"done", null};
                        }
                        case "error" -> {
                            return new String[] {"error", data.path("code").asText()};
                        }
                        default -> { }
                    }
                } else if (line.isEmpty()) {
                    id = null;
                    event = null;
                }
            }
            return null;
        }
    }

    /** Every message of a session, page by page (oldest first as the API returns them). */
    List<JsonNode> history(String token, String sessionId) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/chat/sessions/" + sessionId + "/messages?page_size=100"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("history " + r.statusCode() + " " + r.body());
            }
            JsonNode page = JSON.readTree(r.body());
            page.get("messages").forEach(all::add);
            cursor = page.path("next_cursor").isTextual() ? page.get("next_cursor").asText() : null;
        } while (cursor != null && !cursor.isEmpty());
        return all;
    }

    /** One sample of a Prometheus text exposition: the sum of every series of {@code metric} matching {@code labels}. */
    static double metric(HttpClient http, String prometheusUrl, String metric, String labelFragment)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith(metric) && (line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')
                    && (labelFragment == null || line.contains(labelFragment))) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    String gateway() {
        return gateway;
    }

    HttpClient http() {
        return http;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static String errorCode(String body) {
        try {
            return JSON.readTree(body).at("/error/code").asText();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void pauseOrGiveUp(long deadlineNanos, String what) throws InterruptedException {
        if (System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("gave up: " + what);
        }
        Thread.sleep(500);
    }
}
