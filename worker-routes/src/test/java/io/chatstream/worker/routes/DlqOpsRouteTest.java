package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.infrastructure.RouteAnswerSettings;
import io.chatstream.worker.deadletters.interfaces.OpsGuard;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.rest.RestDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.InOrder;
import org.springframework.dao.QueryTimeoutException;

/**
 * Guards {@code dlq-ops.camel.yaml}: the REST API maps its three calls to the three ops routes, which
 * authenticate every call before any ops bean runs; list and entry go to their bean method, a replay first
 * takes the answer route's live settings; whatever escapes a bean is answered by the route configuration
 * {@code worker-ops-errors} as a JSON error, handled and not retried.
 */
@DisplayName("dlq-ops.camel.yaml")
class DlqOpsRouteTest extends WorkerRouteHarness {

    private static final RouteAnswerSettings SETTINGS = new RouteAnswerSettings("qwen-plus", "");

    private static final String LIST = "worker-dlq-list";
    private static final String ENTRY = "worker-dlq-entry";
    private static final String REPLAY = "worker-dlq-replay";
    private static final Map<String, Object> OPERATOR = Map.of("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((RouteDoubles.OPS_USER + ":" + RouteDoubles.OPS_PASSWORD).getBytes(StandardCharsets.UTF_8)));

    @Test
    @DisplayName("GET /ops/dlq, GET /ops/dlq/{request_id} and POST /ops/dlq/replay lead to the list, entry and replay routes")
    void restApi() {
        RestDefinition api = ((ModelCamelContext) camel).getRestDefinitions().stream()
                .filter(rest -> "worker-dlq-api".equals(rest.getId())).findFirst().orElseThrow();

        assertThat(api.getPath()).isEqualTo("/ops/dlq");
        assertThat(api.getVerbs()).extracting(verb -> verb.asVerb() + " " + Objects.toString(verb.getPath(), "")
                + " -> " + verb.getTo().getUri()).containsExactlyInAnyOrder(
                        "get  -> direct:dlq-list", "get /{request_id} -> direct:dlq-entry", "post /replay -> direct:dlq-replay");
        // Camel inlines each direct: route into its REST verb, so the ops routes are the HTTP consumers.
        assertThat(List.of(shipped(LIST).from(), shipped(ENTRY).from(), shipped(REPLAY).from())).containsExactly(
                "rest:get:/ops/dlq", "rest:get:/ops/dlq:/{request_id}", "rest:post:/ops/dlq:/replay");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {LIST, ENTRY, REPLAY})
    @DisplayName("a call without the ops credentials is answered 401 before any ops bean runs")
    void unauthenticatedRefused(String route) {
        Exchange exchange = deliver(route, "{\"all\":true}");

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(401);
        verify(opsGuard).authenticate(any());
        verifyNoInteractions(dlqOpsApi);
    }

    @Test
    @DisplayName("an authenticated list is answered by DeadLetterOpsApi.list, after the guard named the operator")
    void list() {
        AtomicReference<String> actor = new AtomicReference<>();
        doAnswer(call -> {
            actor.set(call.getArgument(0, Exchange.class).getProperty(OpsGuard.ACTOR, String.class));
            return null;
        }).when(dlqOpsApi).list(any());

        deliver(LIST, null, OPERATOR);

        InOrder order = inOrder(opsGuard, dlqOpsApi);
        order.verify(opsGuard).authenticate(any());
        order.verify(dlqOpsApi).list(any());
        assertThat(actor.get()).isEqualTo(RouteDoubles.OPS_USER);
    }

    @Test
    @DisplayName("an authenticated entry call is answered by DeadLetterOpsApi.entry")
    void entry() {
        deliver(ENTRY, null, Map.of("Authorization", OPERATOR.get("Authorization"), "request_id", Payloads.REQUEST_ID));

        InOrder order = inOrder(opsGuard, dlqOpsApi);
        order.verify(opsGuard).authenticate(any());
        order.verify(dlqOpsApi).entry(any());
    }

    @Test
    @DisplayName("a replay is handed to DeadLetterOpsApi.replay with the answer route's live settings")
    void replayWithLiveSettings() {
        AtomicReference<AnswerSettings> settings = new AtomicReference<>();
        doAnswer(call -> {
            settings.set(SETTINGS.read(call.getArgument(0, Exchange.class)));
            return null;
        }).when(dlqOpsApi).replay(any());

        deliver(REPLAY, "{\"all\":true}", OPERATOR);

        InOrder order = inOrder(opsGuard, dlqOpsApi);
        order.verify(opsGuard).authenticate(any());
        order.verify(dlqOpsApi).replay(any());
        assertThat(settings.get().model()).isEqualTo("qwen-route-test");
        assertThat(settings.get().maxAttempts()).isEqualTo(4);
    }

    @Test
    @DisplayName("a dependency failure escaping a bean is answered 503 by OpsErrors, handled and not retried")
    void failureAnswered() {
        doThrow(new QueryTimeoutException("Redis not reachable")).when(dlqOpsApi).list(any());

        Exchange exchange = deliver(LIST, null, OPERATOR);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class)).isEqualTo(503);
        assertThat(exchange.getMessage().getBody(String.class)).contains("\"code\":\"UNAVAILABLE\"")
                .doesNotContain("Redis not reachable");
        verify(dlqOpsApi, times(1)).list(any());
        verify(opsErrors).reply(any());
    }

    @Test
    @DisplayName("the three ops routes name the route configuration worker-ops-errors")
    void opsErrorsConfiguration() {
        assertThat(shipped(LIST).configurationId()).isEqualTo("worker-ops-errors");
        assertThat(shipped(ENTRY).configurationId()).isEqualTo("worker-ops-errors");
        assertThat(shipped(REPLAY).configurationId()).isEqualTo("worker-ops-errors");
    }
}
