package io.chatstream.localinfra;

import java.time.Duration;

/**
 * A server that runs either as a child process from a binary on PATH or, when there is none,
 * from an embedded distribution; both are stopped, killed and restarted the same way.
 */
abstract class LocalServer implements AutoCloseable {

    private final Duration stopGrace;
    /** Set while the server runs from a binary on PATH. */
    protected Process process;

    protected LocalServer(Duration stopGrace) {
        this.stopGrace = stopGrace;
    }

    /** Starts the server from PATH or embedded, and returns once it accepts connections. */
    protected abstract void launch();

    /** Stops the embedded server, if that is what runs. */
    protected abstract void stopEmbedded();

    public void stop() {
        stopEmbedded();
        ChildProcess.stop(process, stopGrace);
    }

    /** Kills a server from PATH like {@code kill -9}; an embedded one can only be stopped. */
    public void kill() {
        if (process != null) {
            ChildProcess.kill(process);
        } else {
            stop();
        }
    }

    /** True while a server from PATH runs; an embedded one cannot be watched and counts as running. */
    public boolean isRunning() {
        return process == null || process.isAlive();
    }

    /** The operating-system process id of a server from PATH, or -1 when it runs embedded. */
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
