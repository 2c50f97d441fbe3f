package io.chatstream.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The load the benchmarks need: hundreds of open streams at once, each answered in full. */
class ConcurrentStreamsTest {

    private static final int STREAMS = 500;

    @Test
    @DisplayName("500 streams are open at the same time and every one of them completes")
    void fiveHundredConcurrentStreams() throws Exception {
        // Every stream waits 12 s for its first token, so all 500 are open at once even on a busy 2-core machine
        // (with 4 s, opening them took longer than that while other builds ran, and the peak fell short).
        try (BailianSimulator simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(12_000)).withInterChunkDelay(Duration.ofMillis(5))
                .withAnswerChunks(5))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                String body = "{\"model\":\"qwen-plus\",\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"stream "
                        + i + "\"}]},\"parameters\":{\"incremental_output\":true}}";
                responses.add(http.sendAsync(HttpRequest.newBuilder(
                                URI.create(simulator.baseUrl() + "/services/aigc/text-generation/generation"))
                        .header("Authorization", "Bearer sk-test")
                        .header("X-DashScope-SSE", "enable")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }

            CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            for (int i = 0; i < STREAMS; i++) {
                HttpResponse<String> response = responses.get(i).join();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"finish_reason\":\"stop\"")
                        .contains(AnswerText.chunks("stream " + i, 5).get(4));
            }
            assertThat(simulator.stats().peakActiveStreams()).isEqualTo(STREAMS);
            assertThat(simulator.stats().completedStreams()).isEqualTo(STREAMS);
            assertThat(simulator.stats().activeStreams()).isZero();
        }
    }
}
