package io.chatstream.command.routes;

import static org.mockito.Mockito.mock;

import io.chatstream.command.conversation.application.ApplyingSuggestedTitle;
import io.chatstream.command.conversation.application.RecordingAnswer;
import io.chatstream.command.conversation.interfaces.AnswerCompletedListener;
import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.command.conversation.interfaces.SessionTitleListener;
import io.chatstream.command.outbox.infrastructure.OutboxRelay;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The route tests' Spring context: Camel's own auto-configuration (which loads the shipped route files)
 * and test doubles under the bean names the routes call. Nothing else is scanned or auto-configured, so
 * no DataSource, Redis, Kafka client or gRPC server exists. Deliberately not a {@code @Configuration}:
 * the service's component scan (in the *IT tests) must never pick these doubles up.
 */
@ImportAutoConfiguration(CamelAutoConfiguration.class)
class RouteTestBeans {

    /** The gRPC flows' one bean; its use cases are not needed, the routes only call its methods. */
    @Bean
    ChatCommandGrpc chatCommandGrpc() {
        return mock(ChatCommandGrpc.class);
    }

    /** The use case behind the real listener, so the listener's skip-unreadable contract runs as shipped. */
    @Bean
    RecordingAnswer recordingAnswer() {
        return mock(RecordingAnswer.class);
    }

    @Bean
    AnswerCompletedListener answerCompletedListener(RecordingAnswer recordingAnswer) {
        return new AnswerCompletedListener(recordingAnswer);
    }

    /** The use case behind the real title listener. */
    @Bean
    ApplyingSuggestedTitle applyingSuggestedTitle() {
        return mock(ApplyingSuggestedTitle.class);
    }

    @Bean
    SessionTitleListener sessionTitleListener(ApplyingSuggestedTitle applyingSuggestedTitle) {
        return new SessionTitleListener(applyingSuggestedTitle);
    }

    /** Stands in for the table cleanup; the tests check that the route calls it. */
    @Bean
    io.chatstream.command.outbox.infrastructure.OutboxCleanup outboxCleanup() {
        return mock(io.chatstream.command.outbox.infrastructure.OutboxCleanup.class);
    }

    /** Stands in for the relay (database, lease and Kafka); the tests script what a run returns. */
    @Bean
    OutboxRelay outboxRelay() {
        return mock(OutboxRelay.class);
    }
}
