package io.chatstream.query.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.chatstream.proto.v1.SearchMessagesRequest;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards search-messages.camel.yaml: SearchMessages calls {@code grpcQueryEndpoint.searchMessages}
 * once, with the request and the call's own observer; the endpoint answers on that observer, the route
 * itself answers nothing.
 */
class SearchMessagesRouteTest extends QueryRouteTest {

    @Test
    @DisplayName("query-search-messages hands the request and the call's observer to grpcQueryEndpoint.searchMessages")
    void handsRequestAndObserverToTheEndpoint() {
        SearchMessagesRequest request = SearchMessagesRequest.newBuilder().setUserId("alice").setQuery("rome").build();
        StreamObserver<?> observer = mock(StreamObserver.class);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("query-search-messages").whenCompleted(1).create();

        Exchange call = template.send("direct:search-messages", grpcCall("searchMessages", request, observer));

        assertThat(call.getException()).isNull();
        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        verify(endpoint).searchMessages(request, observer);
        verifyNoMoreInteractions(endpoint, observer);
    }
}
