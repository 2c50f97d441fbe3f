package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.TITLE_APPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.command.conversation.application.ApplyingSuggestedTitle;
import io.chatstream.command.conversation.application.SuggestedTitle;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.SessionTitleSuggested;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Guards {@code apply-suggested-title.camel.yaml}: each {@code chat.session.titles} record reaches
 * {@code sessionTitleListener.onSuggestion} and the ApplyingSuggestedTitle use case; an unreadable one is
 * logged and skipped; the consumer reads the configured topic and group as plain strings.
 */
@DisplayName("Route command-apply-suggested-title")
@ExtendWith(OutputCaptureExtension.class)
class ApplySuggestedTitleRouteTest extends CommandRouteTest {

    @Autowired
    ApplyingSuggestedTitle applying;

    @BeforeEach
    void resetUseCase() {
        reset(applying);
    }

    @Test
    @DisplayName("applies a readable suggestion once")
    void applies() {
        SuggestedTitle suggestion = new SuggestedTitle("session-1", "alice", "", "Trip To Rome");
        when(applying.apply(suggestion)).thenReturn(ApplyingSuggestedTitle.Result.APPLIED);

        Exchange exchange = consume(EventJson.write(SessionTitleSuggested.newBuilder().setSessionId("session-1")
                .setUserId("alice").setTitle("Trip To Rome").build()));

        assertThat(exchange.getException()).isNull();
        verify(applying).apply(suggestion);
    }

    @Test
    @DisplayName("skips an unreadable payload: logged at WARN, nothing applied, no exception")
    void skipsUnreadable(CapturedOutput log) {
        Exchange exchange = consume("{not json");

        assertThat(exchange.getException()).isNull();
        verifyNoInteractions(applying);
        assertThat(log.getAll()).contains("skipping an unreadable event");
    }

    @Test
    @DisplayName("consumes the configured topic in the configured group, as strings")
    void consumer() {
        assertThat(InfrastructureAdvice.shippedInput("command-apply-suggested-title"))
                .startsWith("kafka:" + property("chat.topics.session-titles") + "?")
                .contains("groupId=" + property("chat.kafka.titles-group"))
                .contains("consumersCount=" + property("chat.kafka.titles-consumers"))
                .contains("valueDeserializer=org.apache.kafka.common.serialization.StringDeserializer");
    }

    private Exchange consume(String payload) {
        return producer.send(TITLE_APPLY, e -> e.getMessage().setBody(payload));
    }
}
