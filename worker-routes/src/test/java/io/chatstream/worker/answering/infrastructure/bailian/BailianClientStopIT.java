package io.chatstream.worker.answering.infrastructure.bailian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.simulator.BailianSimulator;
import io.chatstream.simulator.SimulatorSettings;
import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Stopping a stream closes the HTTP call to Bailian instead of letting it run to its end unread. */
class BailianClientStopIT {

    private static BailianSimulator simulator;
    private static BailianClient client;

    @BeforeAll
    static void start() {
        DashScopeConnectionLimits.apply(512);
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0));
        client = new BailianClient(new BailianSettings(simulator.baseUrl(), "qwen-plus", null, null, null, "",
                512, 1, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(60), List.of(), "", null), new ApiKeySource("sk-it-stop-0000"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @DisplayName("cancel after the first tokens: the provider connection closes and no further callbacks arrive")
    void cancelClosesTheProviderConnection() {
        RecordingListener recorder = new RecordingListener();
        ModelProvider.Stream stream = client.stream(
                List.of(Turn.user("[sim:chunks=400][sim:delay=10,50] a long answer to stop")), recorder);
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.tokens.size() >= 2);

        stream.cancel();

        await("the simulator sees the client hang up").atMost(Duration.ofSeconds(5))
                .until(() -> simulator.stats().clientDisconnects() == 1 && simulator.stats().activeStreams() == 0);
        int tokensAtStop = recorder.tokens.size();
        assertThat(simulator.stats().completedStreams()).isZero();
        assertThat(recorder.terminal).isEmpty();
        assertThat(recorder.tokens).hasSizeLessThanOrEqualTo(tokensAtStop);
    }

    @Test
    @DisplayName("cancelling a stream that already ended is harmless")
    void cancelAfterTheEnd() {
        RecordingListener recorder = new RecordingListener();
        ModelProvider.Stream stream = client.stream(List.of(Turn.user("[sim:chunks=3][sim:delay=1,1] short")), recorder);
        await().atMost(Duration.ofSeconds(20)).until(() -> !recorder.terminal.isEmpty());

        stream.cancel();

        assertThat(recorder.terminal).singleElement().isInstanceOf(ProviderResponse.class);
    }
}
