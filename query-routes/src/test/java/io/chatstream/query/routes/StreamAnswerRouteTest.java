package io.chatstream.query.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.chatstream.proto.v1.StreamAnswerRequest;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards stream-answer.camel.yaml: StreamAnswer calls {@code grpcQueryEndpoint.streamAnswer}
 * once, with the request and the call's own observer; the endpoint answers on that observer, the route
 * itself answers nothing.
 */
class StreamAnswerRouteTest extends QueryRouteTest {

    @Test
    @DisplayName("query-stream-answer hands the request and the call's observer to grpcQueryEndpoint.streamAnswer")
    void handsRequestAndObserverToTheEndpoint() {
        StreamAnswerRequest request = StreamAnswerRequest.newBuilder().setRequestId("r-1").build();
        StreamObserver<?> observer = mock(StreamObserver.class);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("query-stream-answer").whenCompleted(1).create();

        Exchange call = template.send("direct:stream-answer", grpcCall("streamAnswer", request, observer));

        assertThat(call.getException()).isNull();
        assertThat(done.matches(5, TimeUnit.SECONDS)).isTrue();
        verify(endpoint).streamAnswer(request, observer);
        verifyNoMoreInteractions(endpoint, observer);
    }
}
