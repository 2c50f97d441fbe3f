package io.chatstream.command.conversation.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.command.conversation.application.RecordAnswer;
import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.proto.v1.AnswerCompleted;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a chat.answer.completed payload")
class AnswerCompletedListenerTest {

    @Test
    @DisplayName("yields the request, the final state and the text")
    void reads() {
        String json = EventJson.write(AnswerCompleted.newBuilder().setRequestId("req-00001").setStatus("stopped")
                .setText("half").build());

        RecordAnswer answer = AnswerCompletedListener.read(json);

        assertThat(answer.requestId().value()).isEqualTo("req-00001");
        assertThat(answer.state()).isEqualTo(AnswerState.STOPPED);
        assertThat(answer.text()).isEqualTo("half");
    }

    @Test
    @DisplayName("refuses payloads that break the contract as unreadable")
    void unreadable() {
        assertThatThrownBy(() -> AnswerCompletedListener.read("[1,2]")).isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> AnswerCompletedListener.read("{\"request_id\":\"x\",\"status\":\"completed\"}"))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> AnswerCompletedListener.read("{\"request_id\":\"req-00001\",\"status\":\"done\"}"))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    @DisplayName("refuses an unreadable payload as such, for the route's error handling to skip; records nothing")
    void unreadablePayloadRefused() {
        assertThatThrownBy(() -> new AnswerCompletedListener(null).onAnswer("not json"))
                .isInstanceOf(UnreadableEventException.class);
    }
}
