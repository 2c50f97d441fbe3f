package io.chatstream.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

@DisplayName("A server interceptor chain")
class ServerInterceptorChainTest {

    private final List<String> seen = new ArrayList<>();

    @Test
    @DisplayName("runs the first interceptor outermost, so it sees the status the last one rewrote")
    void order() {
        ServerInterceptor chain = ServerInterceptorChain.of(recording("outer"), recording("middle"), rewriting());
        @SuppressWarnings("unchecked")
        ServerCall<String, String> call = Mockito.mock(ServerCall.class);

        chain.interceptCall(call, new Metadata(), (c, h) -> {
            seen.add("handler");
            c.close(Status.INTERNAL, new Metadata());
            return new ServerCall.Listener<>() { };
        });

        assertThat(seen).containsExactly("start outer", "start middle", "start rewrite", "handler",
                "close middle NOT_FOUND", "close outer NOT_FOUND");
        Mockito.verify(call).close(Mockito.argThat(s -> s.getCode() == Status.Code.NOT_FOUND), Mockito.any());
    }

    private ServerInterceptor recording(String name) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                seen.add("start " + name);
                return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        seen.add("close " + name + " " + status.getCode());
                        super.close(status, trailers);
                    }
                }, headers);
            }
        };
    }

    private ServerInterceptor rewriting() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                    ServerCallHandler<Q, R> next) {
                seen.add("start rewrite");
                return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void close(Status status, Metadata trailers) {
                        super.close(Status.NOT_FOUND, trailers);
                    }
                }, headers);
            }
        };
    }
}
