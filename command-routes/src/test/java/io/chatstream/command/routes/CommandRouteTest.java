package io.chatstream.command.routes;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.NONE;

import io.chatstream.command.conversation.application.RecordingAnswer;
import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.chatstream.command.outbox.infrastructure.OutboxRelay;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the command service's route tests. All of them share one Spring context (the same
 * configuration, so Spring's test context cache starts it once): Camel with the shipped
 * {@code camel/*.camel.yaml} files and the properties of {@code application.yml}, advised by route id
 * ({@link InfrastructureAdvice}) and then started. Each test begins with reset doubles and mocks.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = RouteTestBeans.class, webEnvironment = NONE, properties = {
        // Only the shipped files; no ops folder, no file watcher.
        "camel.main.routes-include-pattern=classpath:camel/*.camel.yaml",
        "camel.main.routes-reload-enabled=false",
        "camel.main.jmx-enabled=false",
        // Differs from the shipped 3, so a redelivery count that ignores the placeholder fails the tests.
        "chat.answers.max-redeliveries=" + CommandRouteTest.REDELIVERIES,
        // Redeliveries without waiting.
        "chat.answers.redelivery-delay=1"})
abstract class CommandRouteTest {

    static final int REDELIVERIES = 2;

    @Autowired
    ModelCamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    ChatCommandGrpc chatCommandGrpc;

    @Autowired
    RecordingAnswer recordingAnswer;

    @Autowired
    OutboxRelay outboxRelay;

    @BeforeEach
    void adviseOnceThenReset() throws Exception {
        InfrastructureAdvice.applyOnce(camel);
        MockEndpoint.resetMocks(camel);
        Mockito.reset(chatCommandGrpc, recordingAnswer, outboxRelay);
    }

    /** A property as the routes see it (application.yml, then the overrides above). */
    String property(String key) {
        return camel.resolvePropertyPlaceholders("{{" + key + "}}");
    }

    MockEndpoint mock(String uri) {
        return camel.getEndpoint(uri, MockEndpoint.class);
    }
}
