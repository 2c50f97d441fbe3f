package io.chatstream.support.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.proto.v1.ChatCommandServiceGrpc;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.RenameSessionResponse;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Over real gRPC (Netty on a loopback port): which calls reach the service behind the interceptor. */
class GatewayIdentityInterceptorTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final GatewayKey gateway = GatewayKey.generate(RANDOM);
    private final AtomicInteger served = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        ChatCommandServiceGrpc.ChatCommandServiceImplBase service = new ChatCommandServiceGrpc.ChatCommandServiceImplBase() {
            @Override
            public void renameSession(RenameSessionRequest request, StreamObserver<RenameSessionResponse> observer) {
                served.incrementAndGet();
                observer.onNext(RenameSessionResponse.newBuilder().setTitle(request.getTitle()).build());
                observer.onCompleted();
            }
        };
        GatewayIdentityInterceptor interceptor = new GatewayIdentityInterceptor(
                GatewayTokensTest.verifier(GatewayTokens.COMMAND_AUDIENCE, Instant.now(), gateway));
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(service, interceptor)).build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("a call with the gateway's token for its own user is served")
    void served() {
        RenameSessionResponse response = stub(token("alice", GatewayTokens.COMMAND_AUDIENCE, gateway))
                .renameSession(rename("alice"));
        assertThat(response.getTitle()).isEqualTo("new title");
        assertThat(served).hasValue(1);
    }

    @Test
    @DisplayName("no token, a token of another key or for another service: UNAUTHENTICATED, the service never runs")
    void unauthenticated() {
        assertThat(refusal(stubWithout())).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refusal(stub(token("alice", GatewayTokens.COMMAND_AUDIENCE, GatewayKey.generate(RANDOM)))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refusal(stub(token("alice", GatewayTokens.QUERY_AUDIENCE, gateway)))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refusal(stub("Basic YWxpY2U6cHc="))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(served).hasValue(0);
    }

    @Test
    @DisplayName("a valid token used for another user's request: PERMISSION_DENIED, the service never runs")
    void otherUser() {
        assertThat(refusal(stub(token("mallory", GatewayTokens.COMMAND_AUDIENCE, gateway)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(served).hasValue(0);
    }

    private Status.Code refusal(ChatCommandServiceGrpc.ChatCommandServiceBlockingStub stub) {
        try {
            stub.renameSession(rename("alice"));
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
        return Status.Code.OK;
    }

    private static String token(String user, String audience, GatewayKey key) {
        return "Bearer " + new GatewayTokens(Map.of(audience, key), Duration.ofSeconds(60), Clock.systemUTC())
                .tokenFor(user, audience);
    }

    private static RenameSessionRequest rename(String user) {
        return RenameSessionRequest.newBuilder().setUserId(user).setSessionId("s-1").setTitle("new title").build();
    }

    private ChatCommandServiceGrpc.ChatCommandServiceBlockingStub stub(String authorization) {
        Metadata headers = new Metadata();
        headers.put(GatewayIdentityInterceptor.AUTHORIZATION, authorization);
        return stubWithout().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private ChatCommandServiceGrpc.ChatCommandServiceBlockingStub stubWithout() {
        return ChatCommandServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }
}
