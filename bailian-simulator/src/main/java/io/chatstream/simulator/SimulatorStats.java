package io.chatstream.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live, thread-safe counters of one simulator, for assertions in tests and for benchmarks.
 * Every getter reads the current value; nothing is reset while the simulator runs.
 */
public final class SimulatorStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder completedStreams = new LongAdder();
    private final LongAdder clientDisconnects = new LongAdder();
    private final LongAdder thinkingRequests = new LongAdder();
    private final AtomicInteger activeStreams = new AtomicInteger();
    private final AtomicInteger peakActiveStreams = new AtomicInteger();
    private final Map<String, LongAdder> scenarios = new ConcurrentHashMap<>();

    SimulatorStats() {
    }

    /** Requests that reached a generation endpoint, valid or not. */
    public long requests() {
        return requests.sum();
    }

    /** Requests refused before any scenario ran: missing key, bad JSON, missing model or messages. */
    public long rejected() {
        return rejected.sum();
    }

    /** How many valid requests carried the given scenario ({@code "normal"} when no marker). */
    public long scenario(String name) {
        LongAdder counter = scenarios.get(name);
        return counter == null ? 0 : counter.sum();
    }

    /** A sorted snapshot of {@link #scenario(String)} for every scenario seen so far. */
    public Map<String, Long> scenarioCounts() {
        Map<String, Long> snapshot = new TreeMap<>();
        scenarios.forEach((name, counter) -> snapshot.put(name, counter.sum()));
        return snapshot;
    }

    /** Valid requests that asked for thinking with {@code parameters.enable_thinking: true}. */
    public long thinkingRequests() {
        return thinkingRequests.sum();
    }

    /** Streams whose 200 headers were sent and that have not ended yet. */
    public int activeStreams() {
        return activeStreams.get();
    }

    /** The highest {@link #activeStreams()} ever observed. */
    public int peakActiveStreams() {
        return peakActiveStreams.get();
    }

    /** Streams that sent their final {@code stop}/{@code length} event. */
    public long completedStreams() {
        return completedStreams.sum();
    }

    /** Streams that ended because writing to the client failed (the client hung up). */
    public long clientDisconnects() {
        return clientDisconnects.sum();
    }

    @Override
    public String toString() {
        return "SimulatorStats{requests=" + requests() + ", rejected=" + rejected() + ", active=" + activeStreams()
                + ", peak=" + peakActiveStreams() + ", completed=" + completedStreams()
                + ", clientDisconnects=" + clientDisconnects() + ", thinkingRequests=" + thinkingRequests()
                + ", scenarios=" + scenarioCounts() + '}';
    }

    void requestReceived() {
        requests.increment();
    }

    void requestRejected() {
        rejected.increment();
    }

    void thinkingRequested() {
        thinkingRequests.increment();
    }

    void scenarioSeen(String name) {
        scenarios.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    void streamOpened() {
        int now = activeStreams.incrementAndGet();
        peakActiveStreams.accumulateAndGet(now, Math::max);
    }

    void streamClosed() {
        activeStreams.decrementAndGet();
    }

    void streamCompleted() {
        completedStreams.increment();
    }

    void clientDisconnected() {
        clientDisconnects.increment();
    }
}
