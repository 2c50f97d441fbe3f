package io.chatstream.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

/** Loopback port helpers: choose a free port, refuse a taken one clearly, wait for a listener. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** {@code port}, or a free one when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /**
     * Fails with a message that names the component when the port is already taken.
     *
     * @throws PortInUseException when something listens on 127.0.0.1:{@code port}
     */
    public static int requireFree(int port, String component) {
        if (isListening(port)) {
            throw new PortInUseException(component, port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new PortInUseException(component, port);
        }
        return port;
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until something accepts connections on the port, or fails after {@code timeout}; a
     * failure quotes the end of {@code log} (may be null), where the child said why.
     */
    public static void awaitListening(int port, Duration timeout, String component, Process process, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isListening(port)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(component + " exited with code " + process.exitValue()
                        + " before listening on port " + port + (log == null ? "" : LogTail.of(log)));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(component + " did not listen on port " + port + " within " + timeout
                        + (log == null ? "" : LogTail.of(log)));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
