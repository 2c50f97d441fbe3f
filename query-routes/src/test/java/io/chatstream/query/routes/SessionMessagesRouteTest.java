package io.chatstream.query.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards session-messages.camel.yaml: GetSessionMessages calls {@code grpcQueryEndpoint.getSessionMessages}
 * once, with the request and the call's own observer; the endpoint answers on that observer, the route
 * itself answers nothing.
 */
class SessionMessagesRouteTest extends QueryRouteTest {

    @Test
    @DisplayName("query-session-messages hands the request and the call's observer to grpcQueryEndpoint.getSessionMessages")
    void handsRequestAndObserverToTheEndpoint() {
        GetSessionMessagesRequest request = GetSessionMessagesRequest.newBuilder().setSessionId("s-1").build();
        StreamObserver<?> observer = mock(StreamObserver.class);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("query-session-messages").whenCompleted(1).create();

        Exchange call = template.send("direct:session-messages", grpcCall("getSessionMessages", request, observer));

        assertThat(call.getException()).isNull();
        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        verify(endpoint).getSessionMessages(request, observer);
        verifyNoMoreInteractions(endpoint, observer);
    }
}
