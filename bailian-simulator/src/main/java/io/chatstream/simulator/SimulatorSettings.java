package io.chatstream.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BailianSimulator} listens and paces its answers.
 *
 * <p>{@code maxStall} bounds the {@code [sim:stall]} scenario so a client that never hangs up
 * cannot pin a server thread forever. It is a seventh component; the six-argument constructor
 * keeps callers that predate it compiling.
 *
 * @param host            address to bind, normally {@code 127.0.0.1}
 * @param port            port to bind; {@code 0} picks a free one
 * @param firstTokenDelay pause before the first result event (time to first token)
 * @param interChunkDelay pause between later result events
 * @param answerChunks    number of content chunks in a normal answer
 * @param maxThreads      upper bound of the request thread pool (one thread per open stream)
 * @param maxStall        longest time a {@code [sim:stall]} request keeps its connection silent
 */
public record SimulatorSettings(
        String host,
        int port,
        Duration firstTokenDelay,
        Duration interChunkDelay,
        int answerChunks,
        int maxThreads,
        Duration maxStall) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 18080;
    public static final Duration DEFAULT_FIRST_TOKEN_DELAY = Duration.ofMillis(150);
    public static final Duration DEFAULT_INTER_CHUNK_DELAY = Duration.ofMillis(30);
    public static final int DEFAULT_ANSWER_CHUNKS = 24;
    public static final int DEFAULT_MAX_THREADS = 1024;
    public static final Duration DEFAULT_MAX_STALL = Duration.ofMinutes(5);

    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(firstTokenDelay, "firstTokenDelay");
        Objects.requireNonNull(interChunkDelay, "interChunkDelay");
        Objects.requireNonNull(maxStall, "maxStall");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (firstTokenDelay.isNegative() || interChunkDelay.isNegative() || maxStall.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (answerChunks < 1) {
            throw new IllegalArgumentException("answerChunks must be at least 1: " + answerChunks);
        }
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1: " + maxThreads);
        }
    }

    public SimulatorSettings(String host, int port, Duration firstTokenDelay, Duration interChunkDelay,
                             int answerChunks, int maxThreads) {
        this(host, port, firstTokenDelay, interChunkDelay, answerChunks, maxThreads, DEFAULT_MAX_STALL);
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_FIRST_TOKEN_DELAY,
                DEFAULT_INTER_CHUNK_DELAY, DEFAULT_ANSWER_CHUNKS, DEFAULT_MAX_THREADS, DEFAULT_MAX_STALL);
    }

    public SimulatorSettings withHost(String newHost) {
        return new SimulatorSettings(newHost, port, firstTokenDelay, interChunkDelay, answerChunks, maxThreads, maxStall);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(host, newPort, firstTokenDelay, interChunkDelay, answerChunks, maxThreads, maxStall);
    }

    public SimulatorSettings withFirstTokenDelay(Duration delay) {
        return new SimulatorSettings(host, port, delay, interChunkDelay, answerChunks, maxThreads, maxStall);
    }

    public SimulatorSettings withInterChunkDelay(Duration delay) {
        return new SimulatorSettings(host, port, firstTokenDelay, delay, answerChunks, maxThreads, maxStall);
    }

    public SimulatorSettings withAnswerChunks(int chunks) {
        return new SimulatorSettings(host, port, firstTokenDelay, interChunkDelay, chunks, maxThreads, maxStall);
    }

    public SimulatorSettings withMaxThreads(int threads) {
        return new SimulatorSettings(host, port, firstTokenDelay, interChunkDelay, answerChunks, threads, maxStall);
    }

    public SimulatorSettings withMaxStall(Duration stall) {
        return new SimulatorSettings(host, port, firstTokenDelay, interChunkDelay, answerChunks, maxThreads, stall);
    }
}
