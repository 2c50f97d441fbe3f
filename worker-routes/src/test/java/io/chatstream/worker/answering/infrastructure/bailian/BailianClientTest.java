package io.chatstream.worker.answering.infrastructure.bailian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alibaba.dashscope.common.Status;
import com.alibaba.dashscope.exception.ApiException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.output.FinishReason;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.Turn;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BailianClientTest {

    @Test
    @DisplayName("an SDK ApiException becomes a provider error with its code, message and status")
    void mapsApiException() {
        ApiException e = new ApiException(Status.builder().statusCode(400).code("InternalError.Algo")
                .message("boom").build());

        ProviderError error = BailianClient.errorOf(new RuntimeException(e));

        assertThat(error).isEqualTo(new ProviderError("InternalError.Algo", "boom", 400));
        assertThat(error.isRetryable()).isTrue();
    }

    @Test
    @DisplayName("any other failure counts as a retryable network failure")
    void mapsOtherFailures() {
        assertThat(BailianClient.errorOf(new java.io.EOFException("cut")).isRetryable()).isTrue();
    }

    @Test
    @DisplayName("finish reasons use the wire names")
    void finishReasons() {
        assertThat(BailianClient.finishReasonOf(FinishReason.STOP)).isEqualTo("stop");
        assertThat(BailianClient.finishReasonOf(FinishReason.LENGTH)).isEqualTo("length");
        assertThat(BailianClient.finishReasonOf(null)).isEmpty();
    }

    @Test
    @DisplayName("the conversation maps to system, user and assistant messages; empty turns are left out")
    void mapsConversation() {
        assertThat(ConversationMessages.of("Be brief.", List.of(Turn.user("hi"), Turn.assistant(""),
                Turn.assistant("hello"), Turn.user("bye"))))
                .containsExactly(SystemMessage.from("Be brief."), UserMessage.from("hi"), AiMessage.from("hello"),
                        UserMessage.from("bye"));
        assertThat(ConversationMessages.of("", List.of(Turn.user("x")))).containsExactly(UserMessage.from("x"));
    }

    @Test
    @DisplayName("a blank API key stops start-up with a message naming the variable, and the key is never printed")
    void apiKey() {
        assertThatThrownBy(() -> new ApiKeySource(" ")).hasMessageContaining("DASHSCOPE_API_KEY");
        assertThat(new ApiKeySource("sk-secret").toString()).doesNotContain("sk-secret");
    }
}
