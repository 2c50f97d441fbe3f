package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Day two: the stack started again on the state dir an earlier run left, after Ctrl-C and after
 * {@code kill -9} of the launcher's whole process group, serves every earlier conversation; Kafka
 * offsets, the outbox and the Redis streams carry over (nothing is answered twice, an old answer
 * still replays from its stream, and an answer cut off by the kill completes once).
 */
class SecondRunIT {

    private static final Duration TURN = Duration.ofMinutes(2);

    @Test
    @DisplayName("a second and a third run on the same state dir, after SIGTERM and after kill -9 of everything, keep every conversation")
    void restartsKeepEverything() throws Exception {
        Path stateDir = RunningStack.projectRoot().resolve("local-stack/target/second-run-" + System.nanoTime());
        Map<String, Integer> ports = RunningStack.freePorts();

        String firstPrompt = "day one [sim:chunks=6]";
        String token;
        StackClient.Sent first;
        StackClient.Streamed firstAnswer;
        try (RunningStack day1 = RunningStack.startOn(stateDir, ports)) {
            StackClient client = new StackClient(day1.gateway());
            token = client.token("day-two-user", deadline(TURN));
            first = client.send(token, null, firstPrompt, deadline(TURN));
            firstAnswer = client.follow(token, first.requestId(), () -> deadline(TURN));
            assertThat(firstAnswer.terminal()).isEqualTo("done");
            awaitHistory(client, token, first.sessionId(), 2);
            System.out.printf("first run ready in %d ms%n", day1.startup().toMillis());
        }

        StackClient.Sent inFlight;
        RunningStack day2 = RunningStack.startOn(stateDir, ports);
        try {
            System.out.printf("second run (after SIGTERM) ready in %d ms%n", day2.startup().toMillis());
            StackClient client = new StackClient(day2.gateway());
            token = client.token("day-two-user", deadline(TURN));
            List<JsonNode> history = awaitHistory(client, token, first.sessionId(), 2);
            assertThat(history.get(0).path("content").asText()).isEqualTo(firstPrompt);
            assertThat(history.get(1).path("content").asText()).isEqualTo(firstAnswer.text());
            assertThat(sessionIds(client, token)).contains(first.sessionId());
            StackClient.Streamed replay = client.follow(token, first.requestId(), () -> deadline(TURN));
            assertThat(replay.terminal()).as("yesterday's answer replays from its Redis stream").isEqualTo("done");
            assertThat(replay.text()).isEqualTo(firstAnswer.text());

            // A second turn, cut off mid-answer by kill -9 of every process.
            inFlight = client.send(token, first.sessionId(), "cut off by a crash [sim:delay=20,25][sim:chunks=400]",
                    deadline(TURN));
            assertThat(inFlight.accepted()).isTrue();
            awaitStreaming(client, token, inFlight.requestId());
        } finally {
            day2.killHard();
        }

        try (RunningStack day3 = RunningStack.startOn(stateDir, ports)) {
            System.out.printf("third run (after kill -9 of the process group) ready in %d ms%n",
                    day3.startup().toMillis());
            StackClient client = new StackClient(day3.gateway());
            token = client.token("day-two-user", deadline(TURN));
            StackClient.Streamed resumed = client.follow(token, inFlight.requestId(), () -> deadline(TURN));
            assertThat(resumed.terminal()).as("the answer the crash cut off completes").isEqualTo("done");
            List<JsonNode> history = awaitHistory(client, token, first.sessionId(), 4);
            assertThat(history.get(1).path("content").asText()).isEqualTo(firstAnswer.text());
            assertThat(history.get(3).path("status").asText()).isEqualTo("completed");
            assertThat(history).as("every turn once: nothing answered twice").hasSize(4);
        }

        // Damaged state: one sentence that says what to do, exit code 2, nothing left running.
        Files.writeString(stateDir.resolve("data/kafka/data/meta.properties"), "version=1\n");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                RunningStack.projectRoot().resolve("local-stack/target/local-stack.jar").toString(),
                "--home=" + RunningStack.projectRoot(), "--state-dir=" + stateDir));
        ports.forEach((name, port) -> command.add("--" + name + "=" + port));
        Process refused = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(refused.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(refused.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("Kafka cannot start on the data stored in").contains("--fresh")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(ports.values()).as("nothing left listening").noneMatch(io.chatstream.localinfra.Ports::isListening);
    }

    /** Waits until the session's history has {@code size} messages, the last one completed. */
    private static List<JsonNode> awaitHistory(StackClient client, String token, String sessionId, int size) {
        return await("history of " + sessionId + " with " + size + " messages").atMost(TURN).ignoreExceptions()
                .pollInterval(Duration.ofMillis(300)).until(() -> client.history(token, sessionId),
                        messages -> messages.size() == size
                                && "completed".equals(messages.get(size - 1).path("status").asText()));
    }

    /** Waits until the answer has streamed a few tokens, so that a kill lands in the middle of it. */
    private static void awaitStreaming(StackClient client, String token, String requestId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.gateway() + "/api/chat/stream?request_id=" + requestId))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(1)).GET().build();
        HttpResponse<java.util.stream.Stream<String>> response =
                client.http().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        try (java.util.stream.Stream<String> lines = response.body()) {
            long tokens = lines.filter(line -> line.startsWith("id:")).limit(5).count();
            assertThat(tokens).isEqualTo(5);
        }
    }

    private static List<String> sessionIds(StackClient client, String token) throws Exception {
        HttpResponse<String> r = client.http().send(HttpRequest.newBuilder(URI.create(client.gateway() + "/api/chat/sessions"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        StackClient.JSON.readTree(r.body()).get("sessions").forEach(s -> ids.add(s.get("session_id").asText()));
        return ids;
    }

    private static long deadline(Duration d) {
        return System.nanoTime() + d.toNanos();
    }
}
