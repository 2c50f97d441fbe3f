package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.chatstream.domain.RequestId;
import io.chatstream.worker.answering.application.StopRequest;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.slf4j.LoggerFactory;

/**
 * Guards {@code cancel-prompt.camel.yaml} (route {@code worker-cancel-prompt}): every instance reads every
 * cancel (a group of its own), turns it into a stop request for {@code StoppingAnswer}; cancels are best
 * effort, so an unreadable one is logged and skipped and never fails the consumer.
 */
@DisplayName("cancel-prompt.camel.yaml")
class CancelPromptRouteTest extends WorkerRouteHarness {

    private static final String ROUTE = "worker-cancel-prompt";

    @Test
    @DisplayName("reads chat.topics.prompt-cancelled in a group of its own, from chat.worker.cancel-auto-offset-reset")
    void everyInstanceReadsEveryCancel() {
        ShippedRoute route = shipped(ROUTE);

        assertThat(ShippedRoute.withoutOptions(route.from())).isEqualTo("kafka:" + property("chat.topics.prompt-cancelled"));
        assertThat(route.fromOptions().get("groupId")).asString().startsWith("worker-cancel-")
                .isNotEqualTo(property("chat.worker.group-id"));
        assertThat(route.fromOptions()).containsEntry("autoOffsetReset",
                property("chat.worker.cancel-auto-offset-reset"));
    }

    @Test
    @DisplayName("a cancel is translated into a stop request, then handed to StoppingAnswer")
    void stopsTheAnswer() {
        Exchange exchange = deliver(ROUTE, Payloads.promptCancelled());

        assertThat(exchange.getException()).isNull();
        InOrder order = inOrder(promptCancelledTranslator, stoppingAnswer);
        order.verify(promptCancelledTranslator).translate(Payloads.promptCancelled());
        order.verify(stoppingAnswer).stop(new StopRequest(new RequestId(Payloads.REQUEST_ID),
                Instant.ofEpochSecond(1_700_000_100L)));
    }

    @Test
    @DisplayName("an unreadable cancel is logged at WARN and skipped; no exception reaches the consumer")
    void unreadableIsLoggedAndSkipped() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger routeLog = (Logger) LoggerFactory.getLogger("io.chatstream.worker.answering");
        log.start();
        routeLog.addAppender(log);
        try {
            Exchange exchange = deliver(ROUTE, Payloads.UNREADABLE);

            assertThat(exchange.getException()).isNull();
            verify(stoppingAnswer, never()).stop(any());
            assertThat(log.list).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("skipped an unreadable cancel: ");
            });
        } finally {
            routeLog.detachAppender(log);
        }
    }
}
