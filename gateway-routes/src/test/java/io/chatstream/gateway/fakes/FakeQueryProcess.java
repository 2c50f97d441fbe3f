package io.chatstream.gateway.fakes;

import io.chatstream.localinfra.Ports;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The fake query service in a JVM of its own, so that a test can kill it as an instance dies (SIGKILL: no
 * goodbye on its connections, unlike a server shut down in-process).
 */
public final class FakeQueryProcess implements AutoCloseable {

    private static final String READY = "fake query service ready";

    private final Process process;
    private final int port;

    private FakeQueryProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static FakeQueryProcess start() throws Exception {
        int port = Ports.free();
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), FakeQueryProcess.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IllegalStateException("fake query process ended before it was ready"));
        }, "fake-query-process-output");
        drain.setDaemon(true);
        drain.start();
        ready.get(60, TimeUnit.SECONDS);
        return new FakeQueryProcess(process, port);
    }

    public String target() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public static void main(String[] args) throws Exception {
        var server = Grpc.newServerBuilderForPort(Integer.parseInt(args[0]), InsecureServerCredentials.create())
                .addService(new FakeQueryService()).build().start();
        System.out.println(READY);
        System.out.flush();
        server.awaitTermination();
    }
}
