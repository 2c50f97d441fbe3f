package io.chatstream.simulator;

import static io.chatstream.simulator.RecordingHandler.chat;
import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.dashscope.exception.ApiException;
import dev.langchain4j.community.model.dashscope.QwenStreamingChatModel;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.io.EOFException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Drives the real LangChain4j {@link QwenStreamingChatModel} (DashScope SDK + OkHttp) against the
 * simulator for every scenario, asserting exactly what a {@code StreamingChatResponseHandler} sees.
 */
class QwenStreamingChatModelContractTest {

    private static final int CHUNKS = 6;
    private static final Duration MAX_STALL = Duration.ofMillis(1500);

    private static BailianSimulator simulator;
    private static QwenStreamingChatModel model;

    @BeforeAll
    static void startSimulator() {
        simulator = BailianSimulator.start(SimulatorSettings.defaults()
                .withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(5))
                .withInterChunkDelay(Duration.ofMillis(5))
                .withAnswerChunks(CHUNKS)
                .withMaxStall(MAX_STALL));
        model = modelNamed("qwen-plus");
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    @DisplayName("a plain prompt streams the deterministic answer and completes with STOP and token usage")
    void normalAnswer() throws Exception {
        String prompt = "Tell me about the simulator " + UUID.randomUUID();
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.partials).containsExactlyElementsOf(AnswerText.chunks(prompt, CHUNKS));
        assertThat(response.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS)).endsWith(".");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        int expectedInput = 4 + (prompt.length() + 3) / 4;
        int expectedOutput = TokenEstimate.of(AnswerText.text(prompt, CHUNKS));
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(expectedInput);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(expectedOutput);
        assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(expectedInput + expectedOutput);
        assertThat(response.id()).hasSize(36);
        assertThat(response.modelName()).isEqualTo("qwen-plus");
        assertThat(handler.error).isNotDone();
    }

    @Test
    @DisplayName("the same conversation gets the same answer, a different one a different answer")
    void deterministic() throws Exception {
        String first = chat(model, UserMessage.from("same words")).awaitCompletion().aiMessage().text();
        String again = chat(model, UserMessage.from("same words")).awaitCompletion().aiMessage().text();
        String other = chat(model, UserMessage.from("other words")).awaitCompletion().aiMessage().text();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    @DisplayName("[sim:long] streams ten times the configured chunks")
    void longAnswer() throws Exception {
        String prompt = "[sim:long] a long one";
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.partials).hasSize(CHUNKS * 10);
        assertThat(response.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS * 10)).contains("\n\n## ");
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(TokenEstimate.of(AnswerText.text(prompt, CHUNKS * 10)));
    }

    @Test
    @DisplayName("[sim:chunks=N] streams exactly N chunks")
    void exactChunks() throws Exception {
        String prompt = "three please [sim:chunks=3]";
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.partials).containsExactlyElementsOf(AnswerText.chunks(prompt, 3));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    @DisplayName("[sim:delay=F,C] holds the first token back F milliseconds")
    void delayedFirstToken() throws Exception {
        long started = System.nanoTime();
        RecordingHandler handler = chat(model, UserMessage.from("slow start [sim:delay=400,1]"));

        handler.awaitCompletion();

        assertThat(TimeUnit.NANOSECONDS.toMillis(handler.firstPartialNanos - started)).isGreaterThanOrEqualTo(400);
        assertThat(handler.partials).hasSize(CHUNKS);
    }

    @Test
    @DisplayName("max_tokens below the answer's chunk count truncates it after that many chunks with finish reason LENGTH")
    void maxTokensTruncates() throws Exception {
        QwenStreamingChatModel limited = QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl()).apiKey("sk-test").modelName("qwen-plus").maxTokens(2).build();
        String prompt = "cut me short";
        RecordingHandler handler = chat(limited, UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(handler.partials).containsExactlyElementsOf(AnswerText.chunks(prompt, CHUNKS).subList(0, 2));
        assertThat(response.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(response.tokenUsage().outputTokenCount())
                .isEqualTo(TokenEstimate.of(String.join("", AnswerText.chunks(prompt, CHUNKS).subList(0, 2))));
    }

    @Test
    @DisplayName("[sim:throttle] fails with 429 Throttling.RateQuota")
    void throttled() throws Exception {
        assertApiError(chat(model, UserMessage.from("[sim:throttle] hi")), 429, "Throttling.RateQuota");
    }

    @Test
    @DisplayName("[sim:error500] fails with 500 InternalError")
    void internalError() throws Exception {
        assertApiError(chat(model, UserMessage.from("[sim:error500] hi")), 500, "InternalError");
    }

    @Test
    @DisplayName("[sim:bad-request] fails with 400 InvalidParameter")
    void badRequest() throws Exception {
        assertApiError(chat(model, UserMessage.from("[sim:bad-request] hi")), 400, "InvalidParameter");
    }

    @Test
    @DisplayName("an unknown marker is bad input: 400 InvalidParameter, not a server error")
    void unknownMarker() throws Exception {
        assertApiError(chat(model, UserMessage.from("[sim:nonsense] hi")), 400, "InvalidParameter");
    }

    @Test
    @DisplayName("[sim:error-mid] delivers three chunks, then onError (status 400, InternalError.Algo), then onCompleteResponse with the partial text")
    void errorMidStream() throws Exception {
        String prompt = "[sim:error-mid] fail halfway";
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        Throwable error = handler.awaitError();
        ChatResponse partial = handler.awaitCompletion();

        assertThat(error).isInstanceOf(ApiException.class);
        ApiException api = (ApiException) error;
        assertThat(api.getStatus().getStatusCode()).isEqualTo(400);
        assertThat(api.getStatus().getCode()).isEqualTo("InternalError.Algo");
        assertThat(api.getStatus().getRequestId()).hasSize(36);
        assertThat(handler.callbacks).containsExactly("partial", "partial", "partial", "error", "complete");
        assertThat(partial.aiMessage().text()).isEqualTo(String.join("", AnswerText.chunks(prompt, CHUNKS).subList(0, 3)));
        assertThat(partial.finishReason()).isNull();
    }

    @Test
    @DisplayName("an event:error as the very first frame gives onError, then onCompleteResponse(null)")
    void errorFirstFrame() throws Exception {
        RecordingHandler handler = chat(model, UserMessage.from("[sim:error-mid][sim:chunks=1] fail at once"));

        Throwable error = handler.awaitError();
        ChatResponse response = handler.completion.get(10, TimeUnit.SECONDS);

        assertThat(((ApiException) error).getStatus().getCode()).isEqualTo("InternalError.Algo");
        assertThat(((ApiException) error).getStatus().getStatusCode()).isEqualTo(400);
        assertThat(handler.callbacks).containsExactly("error", "complete");
        assertThat(response).as("LangChain4j completes with a null response").isNull();
    }

    @Test
    @DisplayName("[sim:cut] drops the connection mid-stream: onError with response_error caused by EOFException, no completion")
    void cutConnection() throws Exception {
        RecordingHandler handler = chat(model, UserMessage.from("[sim:cut] cut me off"));

        Throwable error = handler.awaitError();

        assertThat(error).isInstanceOf(ApiException.class);
        ApiException api = (ApiException) error;
        assertThat(api.getStatus().getStatusCode()).isEqualTo(200);
        assertThat(api.getStatus().getCode()).isEqualTo("response_error");
        assertThat(error).hasRootCauseInstanceOf(EOFException.class);
        assertThat(handler.partials).hasSize(3);
        assertThat(handler.completion).isNotDone();
    }

    @Test
    @DisplayName("[sim:stall] goes silent after one chunk and the server ends the stall after its configured maximum")
    void stall() throws Exception {
        long stallsBefore = simulator.stats().scenario("stall");
        long started = System.nanoTime();
        RecordingHandler handler = chat(model, UserMessage.from("[sim:stall] and then nothing"));

        assertThat(catchTimeout(handler, 1000)).as("nothing ends within 1 s").isTrue();
        assertThat(handler.partials).hasSize(1);
        Throwable error = handler.awaitError();

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(elapsedMs).isBetween(MAX_STALL.toMillis(), MAX_STALL.toMillis() + 5_000);
        assertThat(((ApiException) error).getStatus().getCode()).isEqualTo("response_error");
        assertThat(handler.completion).isNotDone();
        assertThat(simulator.stats().scenario("stall")).isEqualTo(stallsBefore + 1);
    }

    @Test
    @DisplayName("[sim:fail-first=2] fails the same conversation twice with 500, then answers")
    void failFirst() throws Exception {
        String prompt = "[sim:fail-first=2] flaky " + UUID.randomUUID();

        assertApiError(chat(model, UserMessage.from(prompt)), 500, "InternalError");
        assertApiError(chat(model, UserMessage.from(prompt)), 500, "InternalError");
        ChatResponse third = chat(model, UserMessage.from(prompt)).awaitCompletion();

        assertThat(third.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS));
        assertThat(third.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    @DisplayName("[sim:echo] streams the user's text back verbatim, markup included")
    void echo() throws Exception {
        String hostile = "<script>alert('x')</script> & \"quoted\" \u4f60\u597d \uD83D\uDE00";
        RecordingHandler handler = chat(model, UserMessage.from("[sim:echo] " + hostile));

        ChatResponse response = handler.awaitCompletion();

        assertThat(response.aiMessage().text()).isEqualTo(hostile);
        assertThat(handler.partials).hasSizeBetween(2, 3);
    }

    @Test
    @DisplayName("a multimodal model gets the same answer through the multimodal endpoint")
    void multimodal() throws Exception {
        String prompt = "describe nothing";
        RecordingHandler handler = chat(modelNamed("qwen-vl-plus"), UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(response.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS));
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(simulator.stats().scenario("normal")).isPositive();
    }

    @Test
    @DisplayName("a multimodal-only model (Qwen3.5) sent to the text endpoint is refused with 400 InvalidParameter, as DashScope does")
    void multimodalOnlyModelOnTheTextEndpoint() throws Exception {
        RecordingHandler handler = chat(modelNamed("qwen3.5-plus"), UserMessage.from("hello"));

        assertApiError(handler, 400, "InvalidParameter");
    }

    @Test
    @DisplayName("a Chinese prompt gets a Chinese answer, and its tokens are counted per character")
    void chinesePrompt() throws Exception {
        String prompt = "请用几句话解释流式输出";
        RecordingHandler handler = chat(model, UserMessage.from(prompt));

        ChatResponse response = handler.awaitCompletion();

        assertThat(response.aiMessage().text()).isEqualTo(AnswerText.text(prompt, CHUNKS)).endsWith("。");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(4 + prompt.length());
        assertThat(response.tokenUsage().outputTokenCount())
                .isEqualTo(AnswerText.text(prompt, CHUNKS).codePointCount(0, AnswerText.text(prompt, CHUNKS).length()));
    }

    private static QwenStreamingChatModel modelNamed(String name) {
        return QwenStreamingChatModel.builder()
                .baseUrl(simulator.baseUrl())
                .apiKey("sk-test")
                .modelName(name)
                .build();
    }

    private static void assertApiError(RecordingHandler handler, int status, String code) throws Exception {
        Throwable error = handler.awaitError();
        assertThat(error).asInstanceOf(InstanceOfAssertFactories.type(ApiException.class))
                .satisfies(api -> {
                    assertThat(api.getStatus().getStatusCode()).isEqualTo(status);
                    assertThat(api.getStatus().getCode()).isEqualTo(code);
                    assertThat(api.getStatus().getRequestId()).hasSize(36);
                });
        assertThat(handler.partials).isEmpty();
        assertThat(handler.completion).isNotDone();
    }

    /** True when neither completion nor error arrives within {@code millis}. */
    private static boolean catchTimeout(RecordingHandler handler, long millis) throws Exception {
        try {
            CompletableFuture.anyOf(handler.completion, handler.error).get(millis, TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException expected) {
            return true;
        }
    }
}
