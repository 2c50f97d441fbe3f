package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.ANSWER_RECORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.command.conversation.application.RecordAnswer;
import io.chatstream.command.conversation.application.RecordingAnswer;
import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.contracts.AnswerStatus;
import io.chatstream.contracts.EventJson;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.AnswerCompleted;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Guards {@code record-answer.camel.yaml}: each {@code chat.answer.completed} record reaches
 * {@code answerCompletedListener.onAnswer}, which records it through the RecordingAnswer use case; an
 * unreadable payload is logged and skipped by command-consumer-errors without an exception (so the consumer
 * moves past it) and without a retry; a database hiccup is retried in place; the consumer reads the configured
 * topic and group as plain strings.
 */
@DisplayName("Route command-record-answer")
@ExtendWith(OutputCaptureExtension.class)
class RecordAnswerRouteTest extends CommandRouteTest {

    private static final String PAYLOAD = EventJson.write(AnswerCompleted.newBuilder().setRequestId("req-00001")
            .setStatus(AnswerStatus.COMPLETED).setText("Forty-two.").build());
    private static final RecordAnswer ANSWER =
            new RecordAnswer(new RequestId("req-00001"), AnswerState.COMPLETED, "Forty-two.", 0);

    @Test
    @DisplayName("records a readable outcome once")
    void records() {
        when(recordingAnswer.record(ANSWER)).thenReturn(RecordingAnswer.Result.RECORDED);

        Exchange exchange = consume(PAYLOAD);

        assertThat(exchange.getException()).isNull();
        verify(recordingAnswer).record(ANSWER);
    }

    @Test
    @DisplayName("skips an unreadable payload: logged at WARN, nothing recorded, no exception, so the offset moves on")
    void skipsUnreadable(CapturedOutput log) {
        Exchange exchange = consume("{\"request_id\":\"req-00001\",\"status\":\"done\"}");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getProperty(Exchange.REDELIVERY_COUNTER)).as("never retried").isNull();
        verifyNoInteractions(recordingAnswer);
        assertThat(log.getAll()).contains("skipping an unreadable event").contains("unknown answer status 'done'");
    }

    @Test
    @DisplayName("retries a database hiccup in place, then records")
    void retriesHiccup() {
        when(recordingAnswer.record(any()))
                .thenThrow(new TransientDataAccessResourceException("database hiccup"))
                .thenReturn(RecordingAnswer.Result.RECORDED);

        Exchange exchange = consume(PAYLOAD);

        assertThat(exchange.getException()).isNull();
        verify(recordingAnswer, times(2)).record(ANSWER);
    }

    @Test
    @DisplayName("consumes the configured topic in the configured group, as strings")
    void consumer() {
        assertThat(InfrastructureAdvice.shippedInput("command-record-answer"))
                .startsWith("kafka:" + property("chat.topics.answer-completed") + "?")
                .contains("groupId=" + property("chat.kafka.answers-group"))
                .contains("autoOffsetReset=" + property("chat.kafka.auto-offset-reset"))
                .contains("consumersCount=" + property("chat.kafka.answers-consumers"))
                .contains("valueDeserializer=org.apache.kafka.common.serialization.StringDeserializer");
    }

    private Exchange consume(String payload) {
        return producer.send(ANSWER_RECORD, e -> e.getMessage().setBody(payload));
    }
}
