package io.chatstream.support.observability;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.List;

/**
 * Several gRPC server interceptors as ONE, in a fixed order. camel-grpc applies every
 * ServerInterceptor bean it discovers in no defined order; a service that registers only this chain
 * as a bean gets a deterministic one. The first interceptor is the outermost: it sees the call
 * first and its {@code close(status)} last, so an interceptor that rewrites the status goes last
 * (closest to the handler) and the ones before it (metrics, tracing) record the rewritten status.
 */
public final class ServerInterceptorChain implements ServerInterceptor {

    private final List<ServerInterceptor> outermostFirst;

    private ServerInterceptorChain(List<ServerInterceptor> outermostFirst) {
        this.outermostFirst = List.copyOf(outermostFirst);
    }

    /** @param outermostFirst the interceptors, the one that sees the call first first */
    public static ServerInterceptor of(ServerInterceptor... outermostFirst) {
        return new ServerInterceptorChain(List.of(outermostFirst));
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        ServerCallHandler<Q, R> handler = next;
        for (int i = outermostFirst.size() - 1; i >= 0; i--) {
            ServerInterceptor interceptor = outermostFirst.get(i);
            ServerCallHandler<Q, R> inner = handler;
            handler = (c, h) -> interceptor.interceptCall(c, h, inner);
        }
        return handler.startCall(call, headers);
    }
}
