package io.chatstream.support.identity;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For the services' ITs: a gRPC client interceptor that signs every call as a gateway would, with the test keys
 * in this module's test resources, for the {@code user_id} of the call's first request message (so a test may act
 * as any user). The start of the call waits for that message, since the token goes in the headers. The service
 * under test is given {@link #COMMAND_KEY} or {@link #QUERY_KEY} as {@code chat.service-identity.gateway-keys}.
 */
public final class TestGateway implements ClientInterceptor {

    public static final String COMMAND_KEY = "classpath:service-identity/test-command.key";
    public static final String QUERY_KEY = "classpath:service-identity/test-query.key";

    private final GatewayTokens tokens;
    private final String audience;

    private TestGateway(String audience) {
        this.tokens = new GatewayTokens(Map.of(GatewayTokens.COMMAND_AUDIENCE, key("test-command.key"),
                GatewayTokens.QUERY_AUDIENCE, key("test-query.key")), Duration.ofSeconds(60), Clock.systemUTC());
        this.audience = audience;
    }

    /** A test key, e.g. {@code test-command.key}. */
    public static GatewayKey key(String name) {
        return GatewayKey.parse(resource("/service-identity/" + name), name);
    }

    public static TestGateway forCommand() {
        return new TestGateway(GatewayTokens.COMMAND_AUDIENCE);
    }

    public static TestGateway forQuery() {
        return new TestGateway(GatewayTokens.QUERY_AUDIENCE);
    }

    /** A gateway token of the test key, as the real gateway would send it. */
    public String authorization(String userId) {
        return "Bearer " + tokens.tokenFor(userId, audience);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            private Listener<R> listener;
            private Metadata headers;
            private boolean started;
            private final List<Integer> requested = new ArrayList<>();

            @Override
            public void start(Listener<R> responseListener, Metadata headers) {
                this.listener = responseListener;
                this.headers = headers;
            }

            @Override
            public void request(int numMessages) {
                if (started) {
                    super.request(numMessages);
                } else {
                    requested.add(numMessages);
                }
            }

            @Override
            public void sendMessage(Q message) {
                if (!started) {
                    String user = GatewayIdentityInterceptor.userIdOf(message);
                    headers.put(GatewayIdentityInterceptor.AUTHORIZATION, authorization(user == null ? "anyone" : user));
                    super.start(listener, headers);
                    started = true;
                    requested.forEach(super::request);
                }
                super.sendMessage(message);
            }
        };
    }

    private static String resource(String path) {
        try (InputStream in = TestGateway.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
