package io.chatstream.command.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The contract every gRPC flow route shares ({@code direct:<flow>} → one {@code chatCommandGrpc} method):
 * the request reaches that method once and its response is the reply; a rejection (a StatusRuntimeException)
 * and a technical failure reach the caller as thrown, tried once and not logged by Camel, because
 * {@code GrpcStatusPassThrough} turns them into the client's status and logs real faults itself.
 *
 * @param <Q> the proto request
 * @param <R> the proto response
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class GrpcFlowContract<Q, R> extends CommandRouteTest {

    abstract String routeId();

    abstract String input();

    abstract Q request();

    abstract R response();

    /** The flow's one ChatCommandGrpc method (also used to stub and verify it). */
    abstract R call(ChatCommandGrpc grpc, Q request);

    @Test
    @DisplayName("calls its ChatCommandGrpc method once with the request and replies with the response")
    void replies() {
        when(call(chatCommandGrpc, request())).thenReturn(response());
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId()).whenCompleted(1).create();

        Exchange exchange = producer.send(input(), e -> e.getMessage().setBody(request()));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo(response());
        assertThat(done.matches(5, TimeUnit.SECONDS)).as("handled by route " + routeId()).isTrue();
        call(verify(chatCommandGrpc), request());
        verifyNoMoreInteractions(chatCommandGrpc);
    }

    @Test
    @DisplayName("hands a rejection to the caller unchanged, tried once and not logged")
    void rejection(CapturedOutput log) {
        StatusRuntimeException rejected = Status.FAILED_PRECONDITION.withDescription("rejected-by-test").asRuntimeException();
        when(call(chatCommandGrpc, request())).thenThrow(rejected);

        Exchange exchange = producer.send(input(), e -> e.getMessage().setBody(request()));

        assertThat(exchange.getException()).isSameAs(rejected);
        call(verify(chatCommandGrpc), request());
        assertThat(log.getAll()).doesNotContain("rejected-by-test");
    }

    @Test
    @DisplayName("hands a technical failure to the caller as thrown, without redelivery")
    void technicalFailure(CapturedOutput log) {
        DataAccessResourceFailureException down = new DataAccessResourceFailureException("database-down-in-test");
        when(call(chatCommandGrpc, request())).thenThrow(down);

        Exchange exchange = producer.send(input(), e -> e.getMessage().setBody(request()));

        assertThat(exchange.getException()).isSameAs(down);
        call(verify(chatCommandGrpc), request());
        assertThat(log.getAll()).doesNotContain("database-down-in-test");
    }
}
