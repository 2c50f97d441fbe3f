package io.chatstream.query.routes;

import static io.chatstream.query.routes.ShippedRoutes.GRPC_FLOWS;
import static io.chatstream.query.routes.ShippedRoutes.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.chatstream.proto.v1.ListModelsRequest;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.SearchMessagesRequest;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

/**
 * Guards query-grpc.camel.yaml: one ChatQueryService server on the configured address, with the options fixed on
 * purpose (the route controls the call's observer, calls run synchronously), dispatching each method by its name
 * to its one flow and to no other, and ending a method it does not route with UNIMPLEMENTED (ADR 0013).
 */
class QueryGrpcRouteTest extends QueryRouteTest {

    @Test
    @DisplayName("serves ChatQueryService on chat.grpc.host:chat.grpc.port, handing the call's observer to the flows")
    void servesChatQueryService() {
        ShippedConsumer server = routes.shippedConsumer("query-grpc");

        assertThat(server.address()).isEqualTo("grpc://" + property("chat.grpc.host") + ":" + property("chat.grpc.port")
                + "/io.chatstream.proto.v1.ChatQueryService");
        assertThat(server.options())
                .containsEntry("routeControlledStreamObserver", "true")
                .containsEntry("synchronous", "true");
    }

    static Stream<Arguments> methods() {
        return Stream.of(
                arguments("streamAnswer", "direct:stream-answer",
                        StreamAnswerRequest.newBuilder().setRequestId("r-1").build()),
                arguments("getSessionMessages", "direct:session-messages",
                        GetSessionMessagesRequest.newBuilder().setSessionId("s-1").build()),
                arguments("listSessions", "direct:list-sessions",
                        ListSessionsRequest.newBuilder().setUserId("alice").build()),
                arguments("searchMessages", "direct:search-messages",
                        SearchMessagesRequest.newBuilder().setUserId("alice").setQuery("rome").build()),
                arguments("listModels", "direct:list-models", ListModelsRequest.newBuilder().setTraceId("t").build()));
    }

    @ParameterizedTest(name = "{0} goes to {1}")
    @MethodSource("methods")
    @DisplayName("dispatches each method by name to its own flow only")
    void dispatchesByMethodName(String method, String flow, Object request) throws Exception {
        MockEndpoint target = hop(flow);
        target.expectedBodiesReceived(request);

        Exchange done = template.send(entry("query-grpc"), grpcCall(method, request, mock(StreamObserver.class)));

        assertThat(done.getException()).isNull();
        target.assertIsSatisfied(5_000);
        GRPC_FLOWS.stream().filter(other -> !other.equals(flow))
                .forEach(other -> assertThat(hop(other).getReceivedCounter()).as(other).isZero());
    }

    @Test
    @DisplayName("ends a method it does not route with UNIMPLEMENTED on the call's observer")
    void unroutedMethod() throws Exception {
        StreamObserver<?> observer = mock(StreamObserver.class);

        Exchange done = template.send(entry("query-grpc"),
                grpcCall("submitPrompt", ListModelsRequest.getDefaultInstance(), observer));

        assertThat(done.getException()).isNull();
        ArgumentCaptor<Throwable> error = ArgumentCaptor.forClass(Throwable.class);
        verify(observer).onError(error.capture());
        assertThat(Status.fromThrowable(error.getValue()).getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        GRPC_FLOWS.forEach(flow -> assertThat(hop(flow).getReceivedCounter()).as(flow).isZero());
    }

    private MockEndpoint hop(String flow) {
        return context.getEndpoint("mock:" + flow, MockEndpoint.class);
    }
}
