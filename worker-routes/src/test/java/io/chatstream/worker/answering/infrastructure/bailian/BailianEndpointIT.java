package io.chatstream.worker.answering.infrastructure.bailian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.simulator.AnswerText;
import io.chatstream.simulator.BailianSimulator;
import io.chatstream.simulator.SimulatorSettings;
import io.chatstream.worker.answering.domain.FailureClass;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each model family reaches the DashScope endpoint that serves it: the real LangChain4j client
 * against the simulator, which refuses a multimodal-only model on the text endpoint as DashScope does.
 */
class BailianEndpointIT {

    private static final List<String> DEFAULT_PATTERNS =
            List.of("qwen3.5*", "qvq*", "*-vl", "*-vl-*", "*-omni*", "*-audio*");
    private static BailianSimulator simulator;

    @BeforeAll
    static void start() {
        DashScopeConnectionLimits.apply(512);
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("text, vision, omni, QVQ and Qwen3.5 models are each answered through their endpoint")
    @ValueSource(strings = {"qwen-plus", "qwen3-max", "qwq-plus", "qwen-vl-max", "qwen3-vl-plus", "qwen-omni-turbo",
        "qvq-max", "qwen3.5-plus", "qwen3.5-flash"})
    void everyFamilyIsAnswered(String model) {
        RecordingListener recorder = answer(model, DEFAULT_PATTERNS);

        assertThat(recorder.terminal).singleElement().isInstanceOfSatisfying(ProviderResponse.class,
                r -> assertThat(r.text()).isEqualTo(AnswerText.text("say hello [sim:chunks=3]", 3)));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("without the patterns, the models LangChain4j does not recognise are sent to the text endpoint and refused")
    @ValueSource(strings = {"qwen3.5-plus", "qvq-max"})
    void withoutPatternsTheyAreRefused(String model) {
        RecordingListener recorder = answer(model, List.of());

        assertThat(recorder.terminal).singleElement().isInstanceOfSatisfying(ProviderError.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameter");
            assertThat(e.failureClass()).isEqualTo(FailureClass.REJECTED);
        });
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a thinking-only model (qwq) streams its reasoning to onThinking, then the answer")
    void thinkingModel() {
        BailianClient client = client("qwq-plus", DEFAULT_PATTERNS);
        RecordingListener recorder = new RecordingListener();
        client.stream(List.of(Turn.user("think first [sim:think=5][sim:chunks=3]")), recorder);
        await().atMost(Duration.ofSeconds(20)).until(() -> !recorder.terminal.isEmpty());

        assertThat(recorder.thinking).hasSize(5).allMatch(piece -> !piece.isEmpty());
        assertThat(recorder.terminal).singleElement().isInstanceOfSatisfying(ProviderResponse.class,
                r -> assertThat(r.text()).isEqualTo(AnswerText.text("think first [sim:think=5][sim:chunks=3]", 3)));
    }

    @org.junit.jupiter.api.Test
    @DisplayName("chat.bailian.thinking-budget reaches DashScope as thinking_budget: the reasoning stops at it")
    void thinkingBudget() {
        BailianClient client = client("qwen-plus", DEFAULT_PATTERNS, 2);
        RecordingListener recorder = new RecordingListener();
        client.stream(List.of(Turn.user("think briefly [sim:think=6][sim:chunks=2]")), true, recorder);
        await().atMost(Duration.ofSeconds(20)).until(() -> !recorder.terminal.isEmpty());

        assertThat(recorder.thinking).as("the simulator sends one reasoning delta per budget token").hasSize(2);
        assertThat(recorder.terminal).singleElement().isInstanceOf(ProviderResponse.class);
    }

    private static BailianClient client(String model, List<String> multimodalPatterns) {
        return client(model, multimodalPatterns, null);
    }

    private static BailianClient client(String model, List<String> multimodalPatterns, Integer budget) {
        return new BailianClient(new BailianSettings(simulator.baseUrl(), model, null, null, null, "",
                512, 1, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(60), Duration.ofSeconds(60), multimodalPatterns, "", budget), new ApiKeySource("sk-it-endpoint-0000"));
    }

    private static RecordingListener answer(String model, List<String> multimodalPatterns) {
        BailianClient client = client(model, multimodalPatterns);
        RecordingListener recorder = new RecordingListener();
        client.stream(List.of(Turn.user("say hello [sim:chunks=3]")), recorder);
        await().atMost(Duration.ofSeconds(20)).until(() -> !recorder.terminal.isEmpty());
        return recorder;
    }
}
