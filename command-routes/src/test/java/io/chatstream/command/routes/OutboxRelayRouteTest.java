package io.chatstream.command.routes;

import static io.chatstream.command.routes.InfrastructureAdvice.NEXT_RUN;
import static io.chatstream.command.routes.InfrastructureAdvice.POLL_TICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatstream.command.outbox.infrastructure.OutboxCleanup;
import io.chatstream.command.outbox.infrastructure.OutboxRelay;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guards {@code outbox-relay.camel.yaml}: the timer and the use cases wake one one-slot queue with a single
 * consumer (runs never overlap), each run is one call of {@code outboxRelay.relayOnce}, and a run that says
 * more rows may wait queues the next run at once. What a run does (lease, batch, Kafka) is
 * {@code OutboxRelayRunIT}'s subject.
 */
@DisplayName("Routes command-outbox-relay, command-outbox-relay-poll and command-outbox-cleanup")
class OutboxRelayRouteTest extends CommandRouteTest {

    @Autowired
    OutboxCleanup outboxCleanup;

    @Test
    @DisplayName("a wake-up runs the relay once")
    void run() throws Exception {
        when(outboxRelay.relayOnce()).thenReturn(new OutboxRelay.Run(2, 0, Optional.empty(), false));

        relay();

        verify(outboxRelay, times(1)).relayOnce();
    }

    @Test
    @DisplayName("queues another run at once when the run says more rows may wait")
    void moreMayWait() throws Exception {
        when(outboxRelay.relayOnce()).thenReturn(new OutboxRelay.Run(100, 1, Optional.empty(), true));
        mock(NEXT_RUN).expectedMessageCount(1);

        relay();

        mock(NEXT_RUN).assertIsSatisfied();
    }

    @Test
    @DisplayName("waits for the next trigger when nothing more waits, or the run failed")
    void nothingMore() throws Exception {
        when(outboxRelay.relayOnce()).thenReturn(new OutboxRelay.Run(1, 0, Optional.empty(), false),
                new OutboxRelay.Run(0, 2, Optional.of("TimeoutException: no Kafka ack"), false));

        relay();
        relay();

        assertThat(mock(NEXT_RUN).getReceivedCounter()).isZero();
    }

    @Test
    @DisplayName("runs one at a time from the one-slot queue the use cases wake")
    void oneRunAtATime() {
        SedaEndpoint queue = (SedaEndpoint) camel.getRoute("command-outbox-relay").getEndpoint();
        SedaEndpoint wakeUp = camel.getEndpoint(property("chat.outbox.trigger-uri"), SedaEndpoint.class);

        assertThat(queue.getSize()).isEqualTo(1);
        assertThat(queue.getConcurrentConsumers()).isEqualTo(1);
        assertThat(wakeUp.getQueue()).isSameAs(queue.getQueue());
        assertThat(wakeUp.isDiscardWhenFull()).isTrue();
    }

    @Test
    @DisplayName("polls every chat.outbox.poll-delay as a fallback, by waking the same queue")
    void poll() throws Exception {
        mock(NEXT_RUN).expectedMessageCount(1);

        producer.sendBody(POLL_TICK, null);

        mock(NEXT_RUN).assertIsSatisfied();
        assertThat(InfrastructureAdvice.shippedInput("command-outbox-relay-poll"))
                .startsWith("timer:command-outbox-relay?")
                .contains("period=" + property("chat.outbox.poll-delay"), "delay=" + property("chat.outbox.poll-delay"));
    }

    @Test
    @DisplayName("drops old sent rows every chat.outbox.cleanup-interval through outboxCleanup.run")
    void cleanup() {
        Mockito.reset(outboxCleanup);

        producer.sendBody(InfrastructureAdvice.CLEANUP_TICK, null);

        verify(outboxCleanup).run();
        assertThat(InfrastructureAdvice.shippedInput("command-outbox-cleanup"))
                .startsWith("timer:command-outbox-cleanup?")
                .contains("period=" + property("chat.outbox.cleanup-interval"));
    }

    /** Wakes the relay as the use cases do and waits until that run has ended. */
    private void relay() {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("command-outbox-relay").whenCompleted(1).create();
        producer.sendBody(property("chat.outbox.trigger-uri"), "trigger");
        assertThat(done.matches(10, TimeUnit.SECONDS)).as("relay run completed").isTrue();
    }
}
