package io.chatstream.query.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.chatstream.proto.v1.ListSessionsRequest;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards list-sessions.camel.yaml: ListSessions calls {@code grpcQueryEndpoint.listSessions}
 * once, with the request and the call's own observer; the endpoint answers on that observer, the route
 * itself answers nothing.
 */
class ListSessionsRouteTest extends QueryRouteTest {

    @Test
    @DisplayName("query-list-sessions hands the request and the call's observer to grpcQueryEndpoint.listSessions")
    void handsRequestAndObserverToTheEndpoint() {
        ListSessionsRequest request = ListSessionsRequest.newBuilder().setUserId("alice").build();
        StreamObserver<?> observer = mock(StreamObserver.class);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("query-list-sessions").whenCompleted(1).create();

        Exchange call = template.send("direct:list-sessions", grpcCall("listSessions", request, observer));

        assertThat(call.getException()).isNull();
        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        verify(endpoint).listSessions(request, observer);
        verifyNoMoreInteractions(endpoint, observer);
    }
}
