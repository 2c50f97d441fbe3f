package io.chatstream.simulator;

import static io.chatstream.simulator.RecordingHandler.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.dashscope.exception.ApiException;
import dev.langchain4j.community.model.dashscope.QwenStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the product's worker receives from the real {@link QwenStreamingChatModel} for each provider
 * error scenario: the table "Provider errors as the client sees them" in the README.
 */
class QwenProviderErrorContractTest {

    private static final int CHUNKS = 6;

    private static BailianSimulator simulator;
    private static QwenStreamingChatModel model;

    @BeforeAll
    static void startSimulator() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(5)).withInterChunkDelay(Duration.ofMillis(5))
                .withAnswerChunks(CHUNKS));
        model = QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl()).apiKey("sk-test").modelName("qwen-plus").build();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    static Stream<ErrorCode> codes() {
        return ErrorCode.known().values().stream();
    }

    @ParameterizedTest(name = "[sim:error={0}]")
    @MethodSource("codes")
    @DisplayName("[sim:error=CODE]: onError only, an ApiException with the code's HTTP status, code, message and request id")
    void jsonError(ErrorCode error) throws Exception {
        RecordingHandler handler = chat(model, UserMessage.from("[sim:error=" + error.code() + "] hi"));

        assertProviderError(handler, error.status(), error);
    }

    @ParameterizedTest(name = "[sim:error-sse={0}]")
    @MethodSource("codes")
    @DisplayName("[sim:error-sse=CODE]: the same as the JSON form, the SDK reads the SSE-framed body alike")
    void sseError(ErrorCode error) throws Exception {
        RecordingHandler handler = chat(model, UserMessage.from("[sim:error-sse=" + error.code() + "] hi"));

        assertProviderError(handler, error.status(), error);
    }

    @Test
    @DisplayName("[sim:error-mid=DataInspectionFailed]: three partials, onError (status 400, the code), then onCompleteResponse with the partial text")
    void moderatedMidStream() throws Exception {
        String prompt = "[sim:error-mid=DataInspectionFailed] an answer that turns bad";
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        ApiException error = (ApiException) handler.awaitError();
        ChatResponse partial = handler.awaitCompletion();

        assertThat(error.getStatus().getStatusCode()).isEqualTo(400);
        assertThat(error.getStatus().getCode()).isEqualTo("DataInspectionFailed");
        assertThat(error.getStatus().getMessage()).as("about the output, not the prompt")
                .isEqualTo("Output data may contain inappropriate content.");
        assertThat(handler.callbacks).containsExactly("partial", "partial", "partial", "error", "complete");
        assertThat(partial.aiMessage().text()).isEqualTo(String.join("", AnswerText.chunks(prompt, CHUNKS).subList(0, 3)));
        assertThat(partial.finishReason()).isNull();
    }

    @Test
    @DisplayName("[sim:error-mid=Throttling.RateQuota]: a mid-stream error always reports status 400, whatever the code")
    void midStreamStatusIsAlways400() throws Exception {
        ApiException error = (ApiException) chat(model, UserMessage.from("[sim:error-mid=Throttling.RateQuota] hi")).awaitError();

        assertThat(error.getStatus().getStatusCode()).isEqualTo(400);
        assertThat(error.getStatus().getCode()).isEqualTo("Throttling.RateQuota");
    }

    @Test
    @DisplayName("[sim:html502]: onError only, status 502, code response_error, the HTTP reason as message, no request id")
    void htmlBadGateway() throws Exception {
        RecordingHandler handler = chat(model, UserMessage.from("[sim:html502] hi"));

        ApiException error = (ApiException) handler.awaitError();

        assertThat(error.getStatus().getStatusCode()).isEqualTo(502);
        assertThat(error.getStatus().getCode()).isEqualTo("response_error");
        assertThat(error.getStatus().getMessage()).isEqualTo("Bad Gateway");
        assertThat(error.getStatus().getRequestId()).isNull();
        assertNothingElse(handler);
    }

    @Test
    @DisplayName("[sim:plain200]: onError only, status 200 with empty code and message, caused by IllegalStateException(Invalid content-type)")
    void jsonInsteadOfStream() throws Exception {
        RecordingHandler handler = chat(model, UserMessage.from("[sim:plain200] hi"));

        ApiException error = (ApiException) handler.awaitError();

        assertThat(error.getStatus().getStatusCode()).isEqualTo(200);
        assertThat(error.getStatus().getCode()).isEmpty();
        assertThat(error.getStatus().getMessage()).isEmpty();
        assertThat(error.getStatus().getRequestId()).hasSize(36);
        assertThat(error).hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("Invalid content-type: application/json;charset=UTF-8");
        assertNothingElse(handler);
    }

    private static void assertProviderError(RecordingHandler handler, int status, ErrorCode error) throws Exception {
        Throwable thrown = handler.awaitError();
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException api = (ApiException) thrown;
        assertThat(api.getStatus().getStatusCode()).isEqualTo(status);
        assertThat(api.getStatus().getCode()).isEqualTo(error.code());
        assertThat(api.getStatus().getMessage()).isEqualTo(error.message());
        assertThat(api.getStatus().getRequestId()).hasSize(36);
        assertNothingElse(handler);
    }

    /** No partial before the error and no completion after it (a short wait catches a late one). */
    private static void assertNothingElse(RecordingHandler handler) throws Exception {
        TimeUnit.MILLISECONDS.sleep(100);
        assertThat(handler.callbacks).containsExactly("error");
    }
}
