package io.chatstream.worker.routes;

import static org.mockito.Mockito.reset;

import io.chatstream.worker.answering.application.StoppingAnswer;
import io.chatstream.worker.answering.infrastructure.AnswerDispatcher;
import io.chatstream.worker.answering.infrastructure.KafkaOffsets;
import io.chatstream.worker.answering.infrastructure.PromptCancelledTranslator;
import io.chatstream.worker.answering.infrastructure.PromptSubmittedTranslator;
import io.chatstream.worker.deadletters.application.DeadLetters;
import io.chatstream.worker.deadletters.infrastructure.DeadLetterMeter;
import io.chatstream.worker.deadletters.infrastructure.DeadLetterTranslator;
import io.chatstream.worker.deadletters.interfaces.DeadLetterOpsApi;
import io.chatstream.worker.deadletters.interfaces.OpsErrors;
import io.chatstream.worker.deadletters.interfaces.OpsGuard;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Runs the worker's shipped route files (and only those) with test doubles for the beans they call. Before
 * Camel starts, every route is advised by its id: a Kafka or REST consumer becomes {@code direct:<route-id>}
 * and every Kafka producer {@code mock:<route-id>}, so a test drives a flow with a plain send and nothing
 * reaches a broker. The properties are the worker's {@code application.yml}, with the retry pause cut short
 * and the answer settings set to values no default has, so a test sees they come from the placeholders.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = RouteTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "camel.main.routes-include-pattern=classpath:camel/*.camel.yaml",
                "camel.main.routes-reload-enabled=false",
                "chat.worker.redeliveries=2",
                "chat.worker.redelivery-delay-ms=5",
                "chat.bailian.model=qwen-route-test",
                "chat.bailian.models=qwen-route-test | Route Test | thinking | 1000; qwq-route-test | | thinking-only",
                "chat.bailian.max-attempts=4",
                "chat.bailian.first-token-timeout=7s",
                "chat.bailian.idle-timeout=3s",
                "chat.bailian.total-timeout=2m"})
@DirtiesContext
abstract class WorkerRouteHarness {

    @Autowired
    protected CamelContext camel;
    @Autowired
    protected ProducerTemplate producer;
    @Autowired
    protected Environment environment;

    @Autowired
    protected PromptSubmittedTranslator promptSubmittedTranslator;
    @Autowired
    protected AnswerDispatcher answerDispatcher;
    @Autowired
    protected KafkaOffsets kafkaOffsets;
    @Autowired
    protected DeadLetterMeter deadLetterMeter;
    @Autowired
    protected PromptCancelledTranslator promptCancelledTranslator;
    @Autowired
    protected StoppingAnswer stoppingAnswer;
    @Autowired
    protected DeadLetterTranslator deadLetterTranslator;
    @Autowired
    protected DeadLetters deadLetters;
    @Autowired
    protected OpsGuard opsGuard;
    @Autowired
    protected DeadLetterOpsApi dlqOpsApi;
    @Autowired
    protected OpsErrors opsErrors;

    /** Registry name of the routes as shipped, kept with the (per test class) Camel context. */
    private static final String SHIPPED = "shippedRoutes";

    /**
     * Once per test class (each has its own context): note the shipped routes, advise each by its id, start
     * Camel. Camel may only start here, once the test kit lets it, so this is not a {@code @BeforeAll}.
     */
    @BeforeEach
    void replaceInfrastructureAndStart() throws Exception {
        if (camel.isStarted()) {
            return;
        }
        Map<String, ShippedRoute> shipped = new HashMap<>();
        for (RouteDefinition route : ((ModelCamelContext) camel).getRouteDefinitions()) {
            shipped.put(route.getRouteId(), ShippedRoute.of(camel, route));
        }
        camel.getRegistry().bind(SHIPPED, Map.copyOf(shipped));
        for (Map.Entry<String, ShippedRoute> route : shipped.entrySet()) {
            String id = route.getKey();
            boolean consumesInfrastructure = !route.getValue().from().startsWith("direct:");
            boolean sendsToKafka = route.getValue().sendsToKafka();
            AdviceWith.adviceWith(camel, id, a -> {
                if (consumesInfrastructure) {
                    a.replaceFromWith("direct:" + id);
                }
                if (sendsToKafka) {
                    a.weaveByToUri("kafka:*").replace().to("mock:" + id);
                }
            });
        }
        camel.start();
    }

    @AfterEach
    void forgetCalls() {
        reset(promptSubmittedTranslator, answerDispatcher, kafkaOffsets, deadLetterMeter, promptCancelledTranslator,
                stoppingAnswer, deadLetterTranslator, deadLetters, opsGuard, dlqOpsApi, opsErrors);
        MockEndpoint.resetMocks(camel);
    }

    /** The route as its file ships it, before the advice. */
    protected ShippedRoute shipped(String routeId) {
        @SuppressWarnings("unchecked")
        Map<String, ShippedRoute> shipped = camel.getRegistry().lookupByNameAndType(SHIPPED, Map.class);
        ShippedRoute route = shipped.get(routeId);
        if (route == null) {
            throw new AssertionError("no shipped route with id " + routeId + "; shipped: " + shipped.keySet());
        }
        return route;
    }

    /**
     * Hands a message to the route as its consumer would (a Kafka or REST route through its advised
     * {@code direct:<route-id>}, an internal hop through its own {@code direct:}); returns the exchange after it.
     */
    protected Exchange deliver(String routeId, Object body, Map<String, Object> headers) {
        return producer.send(camel.getRoute(routeId).getEndpoint(), exchange -> {
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
    }

    protected Exchange deliver(String routeId, Object body) {
        return deliver(routeId, body, Map.of());
    }

    /** What the route sent to Kafka (its advised {@code mock:<route-id>}). */
    protected MockEndpoint kafkaOf(String routeId) {
        MockEndpoint mock = camel.getEndpoint("mock:" + routeId, MockEndpoint.class);
        // Every route here runs on the caller's thread: what was sent is there when the send returns.
        mock.setResultWaitTime(1000);
        return mock;
    }

    protected String property(String key) {
        return environment.getRequiredProperty(key);
    }
}
