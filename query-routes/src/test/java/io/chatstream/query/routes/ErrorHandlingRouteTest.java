package io.chatstream.query.routes;

import static io.chatstream.query.routes.ShippedRoutes.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.errorhandler.DefaultErrorHandlerDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Guards error-handling.camel.yaml and how the projection flows meet it. The route configuration
 * {@code query-error-handling} retries a technical failure (database down) {@code chat.query.redeliveries} times,
 * with a pause that starts at {@code chat.query.redelivery-delay-ms} and grows, then fails the exchange, in every
 * projection flow (no {@code doTry} hides the step from it). The position is not advanced, so the consumer reads
 * the record again and no event is lost.
 */
class ErrorHandlingRouteTest extends QueryRouteTest {

    /** A route of this test only: one step under query-error-handling that is not inside a doTry. */
    private static final String PROBE = "query-error-handling-probe";

    @Test
    @DisplayName("query-error-handling takes the retry count and the first pause from placeholders, and lets the pause grow")
    void retriesFromPlaceholders() {
        RouteConfigurationDefinition configuration = model().getRouteConfigurationDefinition("query-error-handling");

        assertThat(configuration.getErrorHandler().getErrorHandlerType())
                .isExactlyInstanceOf(DefaultErrorHandlerDefinition.class);
        RedeliveryPolicyDefinition policy =
                ((DefaultErrorHandlerDefinition) configuration.getErrorHandler().getErrorHandlerType()).getRedeliveryPolicy();
        assertThat(policy.getMaximumRedeliveries()).isEqualTo("{{chat.query.redeliveries}}");
        assertThat(policy.getRedeliveryDelay()).isEqualTo("{{chat.query.redelivery-delay-ms}}");
        assertThat(policy.getUseExponentialBackOff()).isEqualTo("true");
    }

    @Test
    @DisplayName("query-error-handling retries a failing step chat.query.redeliveries times, then fails the exchange")
    void retriesThenFails() throws Exception {
        databaseDown();
        addProbe();
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(PROBE).whenFailed(1).create();

        Exchange done = template.send(entry(PROBE), ExchangeBuilder.anExchange(context).withBody("{}").build());

        assertThat(failed.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(done.getException()).isInstanceOf(DataAccessResourceFailureException.class);
        verify(projections, times(1 + Integer.parseInt(property("chat.query.redeliveries")))).promptSubmitted("{}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"query-project-prompt", "query-project-answer", "query-project-session-change"})
    @DisplayName("a technical failure of a projection is retried chat.query.redeliveries times, then fails the record; the position stays")
    void technicalFailureFailsTheRecord(String routeId) {
        databaseDown();
        KafkaManualCommit position = mock(KafkaManualCommit.class);
        NotifyBuilder failed = new NotifyBuilder(context).fromRoute(routeId).whenFailed(1).create();

        Exchange done = template.send(entry(routeId), ExchangeBuilder.anExchange(context).withBody("{}")
                .withHeader(KafkaConstants.MANUAL_COMMIT, position).build());

        assertThat(failed.matches(5, TimeUnit.SECONDS)).isTrue();
        assertThat(done.getException()).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(mockingDetails(projections).getInvocations())
                .hasSize(1 + Integer.parseInt(property("chat.query.redeliveries")));
        verifyNoInteractions(position);
    }

    private void databaseDown() {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("database down");
        doThrow(down).when(projections).promptSubmitted(anyString());
        doThrow(down).when(projections).answerCompleted(anyString());
        doThrow(down).when(projections).sessionChanged(anyString());
    }

    private void addProbe() throws Exception {
        if (context.getRoute(PROBE) != null) {
            return;
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(entry(PROBE)).routeId(PROBE).routeConfigurationId("query-error-handling")
                        .to("bean:eventProjections?method=promptSubmitted");
            }
        });
    }
}
