package io.chatstream.gateway.fakes;

import io.chatstream.localinfra.Ports;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fakes of the command and query services at the process boundary: a real grpc-java server on a free
 * port, so the gateway's real channels, deadlines, metadata and error trailers are exercised.
 */
public final class FakeChatServices {

    public final FakeCommandService command = new FakeCommandService();
    public final FakeQueryService query = new FakeQueryService();
    /** Metadata of the last call, as the gateway sent it. */
    public final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();
    /** Calls (attempts) that reached this server, of any method. */
    public final AtomicInteger calls = new AtomicInteger();
    private final int port;
    private volatile Server server;

    private FakeChatServices(int port) {
        this.port = port;
    }

    public static FakeChatServices start() {
        FakeChatServices fakes = new FakeChatServices(Ports.free());
        fakes.startServer();
        return fakes;
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    public void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    public void startServer() {
        ServerInterceptor recordHeaders = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                lastHeaders.set(headers);
                calls.incrementAndGet();
                return Contexts.interceptCall(io.grpc.Context.current(), call, headers, next);
            }
        };
        try {
            server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                    .addService(ServerInterceptors.intercept(command, recordHeaders))
                    .addService(ServerInterceptors.intercept(query, recordHeaders))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("fake gRPC server did not start on " + port, e);
        }
    }
}
