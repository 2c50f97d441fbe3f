package io.chatstream.gateway.backend.infrastructure;

import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.support.identity.GatewayIdentityInterceptor;
import io.chatstream.support.identity.GatewayTokens;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Puts this gateway's proof into every call to one service: a gateway token for that service and the caller
 * (service-support's {@link GatewayTokens}), which the service checks before anything else. Calls without a
 * caller (none today) go without one, and the service refuses them.
 */
final class GatewayIdentityMetadata implements ClientInterceptor {

    private final GatewayTokens tokens;
    private final String audience;

    GatewayIdentityMetadata(GatewayTokens tokens, String audience) {
        this.tokens = tokens;
        this.audience = audience;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        Caller caller = options.getOption(CallerMetadata.CALLER);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                if (caller != null) {
                    headers.put(GatewayIdentityInterceptor.AUTHORIZATION,
                            "Bearer " + tokens.tokenFor(caller.user().value(), audience));
                }
                super.start(responseListener, headers);
            }
        };
    }
}
