package io.chatstream.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.Usage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    @DisplayName("events are written as snake_case JSON and read back unchanged")
    void roundTrip() {
        PromptSubmitted event = PromptSubmitted.newBuilder()
                .setRequestId("req-00000001").setSessionId("s-1").setUserId("alice").setTurn(2)
                .setPrompt("hello").addContext(ContextTurn.newBuilder().setRole("user").setContent("hi"))
                .build();

        String json = EventJson.write(event);

        assertThat(json).contains("\"request_id\":\"req-00000001\"").contains("\"context\":[");
        assertThat(EventJson.read(json, PromptSubmitted.getDefaultInstance())).isEqualTo(event);
    }

    @Test
    @DisplayName("unknown fields are ignored so producers can add fields first")
    void unknownFieldsIgnored() {
        AnswerCompleted read = EventJson.read(
                "{\"request_id\":\"r\",\"status\":\"failed\",\"usage\":{\"input_tokens\":3},\"new_field\":1}",
                AnswerCompleted.getDefaultInstance());

        assertThat(read.getStatus()).isEqualTo("failed");
        assertThat(read.getUsage()).isEqualTo(Usage.newBuilder().setInputTokens(3).build());
    }

    @Test
    @DisplayName("garbage is refused with an UnreadableEventException")
    void garbageRefused() {
        assertThatThrownBy(() -> EventJson.read("\u0000\u0001garbage", PromptSubmitted.getDefaultInstance()))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.read("", PromptSubmitted.getDefaultInstance()))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"turn\":\"many\"}", PromptSubmitted.getDefaultInstance()))
                .isInstanceOf(UnreadableEventException.class);
    }
}
