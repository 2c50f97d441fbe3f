package io.chatstream.localinfra;

import java.time.Duration;

/**
 * A server run as a child process, from a binary on PATH or one shipped in a Maven artifact;
 * both are stopped, killed and restarted the same way.
 */
abstract class LocalServer implements AutoCloseable {

    private final Duration stopGrace;
    /** The server's process, set by {@link #launch()}. */
    protected Process process;

    protected LocalServer(Duration stopGrace) {
        this.stopGrace = stopGrace;
    }

    /** Starts the server's process and returns once it accepts connections. */
    protected abstract void launch();

    public void stop() {
        ChildProcess.stop(process, stopGrace);
    }

    /** Kills the server like {@code kill -9}. */
    public void kill() {
        ChildProcess.kill(process);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server's operating-system process id, or -1 before it was started. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts it again, on the same port and data, after {@link #stop()} or {@link #kill()}. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        stop();
    }
}
