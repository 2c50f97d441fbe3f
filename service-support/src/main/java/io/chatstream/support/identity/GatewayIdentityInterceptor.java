package io.chatstream.support.identity;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a gRPC call in only with a gateway token for this service ({@link GatewayTokenVerifier}) and only for the
 * user that token names: every request message with a {@code user_id} field must carry exactly that user. A call
 * without a valid token ends with {@code UNAUTHENTICATED}, one for another user with {@code PERMISSION_DENIED};
 * neither reaches a route. So a process on the network that is not a gateway cannot act as anyone, and a gateway
 * token for one user cannot be used for another. Installed last in the service's interceptor chain, so metrics and
 * traces record the refusal.
 */
public final class GatewayIdentityInterceptor implements ServerInterceptor {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger log = LoggerFactory.getLogger(GatewayIdentityInterceptor.class);
    private static final String BEARER = "Bearer ";

    private final GatewayTokenVerifier verifier;

    public GatewayIdentityInterceptor(GatewayTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String authorization = headers.get(AUTHORIZATION);
        Optional<String> user = authorization != null && authorization.startsWith(BEARER)
                ? verifier.userOf(authorization.substring(BEARER.length())) : Optional.empty();
        if (user.isEmpty()) {
            log.warn("refused {}: no valid gateway token ({})", call.getMethodDescriptor().getFullMethodName(),
                    authorization == null ? "none sent" : "invalid, expired or for another service");
            call.close(Status.UNAUTHENTICATED.withDescription("calls need a gateway token"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        String tokenUser = user.get();
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            private boolean refused;

            @Override
            public void onMessage(Q message) {
                if (refused) {
                    return;
                }
                String requested = userIdOf(message);
                if (requested != null && !requested.equals(tokenUser)) {
                    refused = true;
                    log.warn("refused {}: the request is for another user than its gateway token",
                            call.getMethodDescriptor().getFullMethodName());
                    call.close(Status.PERMISSION_DENIED.withDescription("the request's user is not the token's"),
                            new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }

    /** The message's {@code user_id} string field, or null when it has none. */
    static String userIdOf(Object message) {
        if (!(message instanceof Message proto)) {
            return null;
        }
        FieldDescriptor field = proto.getDescriptorForType().findFieldByName("user_id");
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.STRING || field.isRepeated()) {
            return null;
        }
        return (String) proto.getField(field);
    }
}
