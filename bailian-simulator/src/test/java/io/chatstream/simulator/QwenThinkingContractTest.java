package io.chatstream.simulator;

import static io.chatstream.simulator.RecordingHandler.chat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.community.model.dashscope.QwenChatRequestParameters;
import dev.langchain4j.community.model.dashscope.QwenStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Thinking through the real {@link QwenStreamingChatModel}: reasoning reaches onPartialThinking, the answer onPartialResponse. */
class QwenThinkingContractTest {

    private static final int CHUNKS = 6;

    private static BailianSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(5)).withInterChunkDelay(Duration.ofMillis(5))
                .withAnswerChunks(CHUNKS));
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    @DisplayName("with enableThinking(true), [sim:think=4] gives four onPartialThinking calls in order, then the answer")
    void thinkingEnabled() throws Exception {
        String prompt = "[sim:think=4] think first";
        long thinkingBefore = simulator.stats().thinkingRequests();
        RecordingHandler handler = chat(thinkingModel("qwen-plus"), UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.thinking).containsExactlyElementsOf(ReasoningText.chunks(prompt, 4));
        assertThat(handler.partials).containsExactlyElementsOf(AnswerText.chunks(prompt, CHUNKS));
        assertThat(handler.callbacks.subList(0, 5)).containsExactly("thinking", "thinking", "thinking", "thinking", "partial");
        assertThat(response.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS));
        assertThat(response.aiMessage().thinking()).isEqualTo(ReasoningText.text(prompt, 4));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).as("reasoning tokens are output tokens")
                .isEqualTo(TokenEstimate.of(ReasoningText.text(prompt, 4)) + TokenEstimate.of(AnswerText.text(prompt, CHUNKS)));
        assertThat(simulator.stats().thinkingRequests()).isEqualTo(thinkingBefore + 1);
    }

    @Test
    @DisplayName("the first-token delay comes before the first reasoning delta")
    void firstTokenDelayBeforeReasoning() throws Exception {
        long started = System.nanoTime();
        RecordingHandler handler = chat(thinkingModel("qwen-plus"), UserMessage.from("[sim:think=2][sim:delay=400,1] slow thought"));

        handler.awaitCompletion();

        assertThat(TimeUnit.NANOSECONDS.toMillis(handler.firstThinkingNanos - started)).isGreaterThanOrEqualTo(400);
        assertThat(handler.thinking).hasSize(2);
    }

    @Test
    @DisplayName("LangChain4j's default (enable_thinking false) switches [sim:think=N] off for qwen-plus")
    void defaultModelDoesNotThink() throws Exception {
        QwenStreamingChatModel model = QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl()).apiKey("sk-test").modelName("qwen-plus").build();
        RecordingHandler handler = chat(model, UserMessage.from("[sim:think=4] no thoughts"));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.thinking).isEmpty();
        assertThat(response.aiMessage().thinking()).isNull();
        assertThat(handler.partials).hasSize(CHUNKS);
    }

    @Test
    @DisplayName("a thinking model (qwq-plus) thinks even with LangChain4j's default enable_thinking false")
    void thinkingModelAlwaysThinks() throws Exception {
        QwenStreamingChatModel model = QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl()).apiKey("sk-test").modelName("qwq-plus").build();
        String prompt = "[sim:think=3] 为什么天空是蓝色的？";
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.thinking).containsExactlyElementsOf(ReasoningText.chunks(prompt, 3));
        assertThat(String.join("", handler.thinking)).contains("。").doesNotContainPattern("[A-Za-z]");
        assertThat(response.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS));
        assertThat(response.modelName()).isEqualTo("qwq-plus");
    }

    private static QwenStreamingChatModel thinkingModel(String name) {
        return QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl()).apiKey("sk-test").modelName(name)
                .defaultRequestParameters(QwenChatRequestParameters.builder().enableThinking(true).build())
                .build();
    }
}
