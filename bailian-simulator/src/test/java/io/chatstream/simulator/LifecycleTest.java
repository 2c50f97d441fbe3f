package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @DisplayName("close() ends a stalled stream at once instead of waiting for the stall maximum")
    void closeEndsStalls() throws Exception {
        BailianSimulator simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ZERO).withMaxStall(Duration.ofMinutes(5)));
        CompletableFuture<HttpResponse<String>> stalled = send(simulator, "[sim:stall] forever");
        awaitActive(simulator, 1);

        long started = System.nanoTime();
        simulator.close();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3_000);
        assertThatThrownBy(() -> stalled.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(simulator.stats().activeStreams()).isZero();
    }

    @Test
    @DisplayName("maxThreads bounds the streams served at once; the rest queue and are still answered")
    void maxThreadsBoundsConcurrency() throws Exception {
        try (BailianSimulator simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withMaxThreads(2).withFirstTokenDelay(Duration.ofMillis(200)).withInterChunkDelay(Duration.ZERO)
                .withAnswerChunks(2))) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                responses.add(send(simulator, "queued " + i));
            }

            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertThat(response.get(10, TimeUnit.SECONDS).body()).contains("\"finish_reason\":\"stop\"");
            }
            assertThat(simulator.stats().peakActiveStreams()).isEqualTo(2);
            assertThat(simulator.stats().completedStreams()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("a port that is taken is reported, not ignored")
    void portTaken() {
        try (BailianSimulator first = BailianSimulator.start(SimulatorSettings.defaults().withPort(0))) {
            assertThatThrownBy(() -> BailianSimulator.start(SimulatorSettings.defaults().withPort(first.port())))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining(String.valueOf(first.port()));
        }
    }

    private CompletableFuture<HttpResponse<String>> send(BailianSimulator simulator, String prompt) {
        String body = "{\"model\":\"qwen-plus\",\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}}";
        return http.sendAsync(HttpRequest.newBuilder(
                        URI.create(simulator.baseUrl() + "/services/aigc/text-generation/generation"))
                .header("Authorization", "Bearer sk-test")
                .header("X-DashScope-SSE", "enable")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitActive(BailianSimulator simulator, int streams) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (simulator.stats().activeStreams() < streams && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(simulator.stats().activeStreams()).isEqualTo(streams);
    }
}
