package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.gateway.identity.application.Caller;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts the caller's user id and W3C trace context into every call's metadata, so the services can
 * log and trace without trusting request fields alone. The caller travels as a call option (set by
 * {@link #attach}), never in a thread-local: streaming callbacks run on other threads.
 */
public final class CallerMetadata implements ClientInterceptor {

    static final CallOptions.Key<Caller> CALLER = CallOptions.Key.create("chat-caller");
    public static final Metadata.Key<String> USER_ID = Metadata.Key.of("chat-user-id", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> TRACEPARENT = Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER);

    static <S extends io.grpc.stub.AbstractStub<S>> S attach(S stub, Caller caller) {
        return stub.withOption(CALLER, caller);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Caller caller = options.getOption(CALLER);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                if (caller != null) {
                    headers.put(USER_ID, caller.user().value());
                    // The OpenTelemetry interceptor has put the client span's context there already
                    // whenever a span is current; this is the fallback that keeps the trace id.
                    if (!headers.containsKey(TRACEPARENT)) {
                        headers.put(TRACEPARENT, "00-" + caller.trace().value() + "-" + spanId() + "-01");
                    }
                }
                super.start(responseListener, headers);
            }
        };
    }

    /** Each outgoing call is a new child span of the caller's trace. */
    private static String spanId() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return String.format("%016x", id);
    }
}
