package io.chatstream.command.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.chatstream.command.conversation.interfaces.ChatCommandGrpc;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.grpc.GrpcConstants;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * The contract every gRPC flow route shares ({@code direct:<flow>} → one {@code chatCommandGrpc} method), the same
 * as the query service's: the request and the call's own observer reach that method once, and the route itself
 * answers nothing (the method replies on the observer through {@code GrpcReplies}; see {@code GrpcRepliesTest} and
 * {@code ChatCommandGrpcTest} for what it sends).
 *
 * @param <Q> the proto request
 */
abstract class GrpcFlowContract<Q> extends CommandRouteTest {

    abstract String routeId();

    abstract String input();

    abstract Q request();

    /** The flow's one ChatCommandGrpc method (also used to verify it). */
    abstract void call(ChatCommandGrpc grpc, Q request, StreamObserver<?> observer);

    @Test
    @DisplayName("hands the request and the call's observer to its ChatCommandGrpc method once, and answers nothing itself")
    void handsRequestAndObserver() {
        StreamObserver<?> observer = Mockito.mock(StreamObserver.class);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId()).whenCompleted(1).create();

        Exchange exchange = producer.send(input(), e -> {
            e.getMessage().setBody(request());
            e.setProperty(GrpcConstants.GRPC_RESPONSE_OBSERVER, observer);
        });

        assertThat(exchange.getException()).isNull();
        assertThat(done.matches(5, TimeUnit.SECONDS)).as("handled by route " + routeId()).isTrue();
        call(verify(chatCommandGrpc), request(), observer);
        verifyNoMoreInteractions(chatCommandGrpc);
        verifyNoInteractions(observer);
    }

    @Test
    @DisplayName("tries a method that throws anyway once: nothing is redelivered")
    void noRedelivery() {
        StreamObserver<?> observer = Mockito.mock(StreamObserver.class);
        call(doThrow(new IllegalStateException("bug-in-test")).when(chatCommandGrpc), request(), observer);

        Exchange exchange = producer.send(input(), e -> {
            e.getMessage().setBody(request());
            e.setProperty(GrpcConstants.GRPC_RESPONSE_OBSERVER, observer);
        });

        assertThat(exchange.getException()).hasMessage("bug-in-test");
        call(verify(chatCommandGrpc), request(), observer);
        verifyNoMoreInteractions(chatCommandGrpc);
    }
}
