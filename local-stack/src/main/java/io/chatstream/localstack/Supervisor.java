package io.chatstream.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a component of the stack that died unexpectedly (crash, OOM, {@code kill -9}) on the
 * same port and data, like compose's {@code restart: unless-stopped}. A component that dies again
 * soon after a restart waits longer each time (exponential back-off up to {@link #MAX_BACKOFF});
 * one that stayed up for {@link #STABLE_AFTER} starts again from the initial back-off.
 * {@link #shutdown()} ends supervision before the stack stops its components, so stopping never
 * triggers a restart.
 */
final class Supervisor {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration STABLE_AFTER = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private final List<Supervised> components;
    private final Duration initialBackoff;
    private final Consumer<Supervised> onRestarted;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    Supervisor(List<Supervised> components, Duration initialBackoff, Consumer<Supervised> onRestarted) {
        this.components = List.copyOf(components);
        this.initialBackoff = initialBackoff;
        this.onRestarted = onRestarted;
        // One thread per component at most, so a slow restart (Kafka) never delays another's.
        this.executor = new ScheduledThreadPoolExecutor(components.size() + 1, r -> {
            Thread t = new Thread(r, "local-stack-supervisor");
            t.setDaemon(true);
            return t;
        });
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void start() {
        for (Supervised c : components) {
            states.put(c.name(), new State(initialBackoff));
        }
        executor.scheduleWithFixedDelay(this::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times each component was restarted so far. */
    Map<String, Integer> restarts() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        components.forEach(c -> counts.put(c.name(), states.containsKey(c.name()) ? states.get(c.name()).restarts : 0));
        return counts;
    }

    /** True while a restart of the named component is scheduled or running. */
    boolean restarting(String name) {
        State state = states.get(name);
        return state != null && state.restarting;
    }

    /**
     * Ends supervision: pending restarts are dropped, one in progress stops waiting for its
     * component's readiness (the process it started stays known to the caller, which stops it).
     */
    void shutdown() {
        stopping = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("a restart was still running when the stack stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        for (Supervised c : components) {
            State state = states.get(c.name());
            if (stopping || state == null || state.restarting || c.isAlive()) {
                continue;
            }
            state.restarting = true;
            long upMillis = System.currentTimeMillis() - state.upSince;
            if (upMillis >= STABLE_AFTER.toMillis()) {
                state.backoff = initialBackoff;
            }
            Duration delay = state.backoff;
            state.backoff = min(state.backoff.multipliedBy(2), MAX_BACKOFF);
            log.warn("{} (pid {}) died unexpectedly after {} s up; restarting it in {} ms", c.name(), c.pid(),
                    upMillis / 1000, delay.toMillis());
            executor.schedule(() -> restart(c, state), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void restart(Supervised c, State state) {
        if (stopping) {
            return;
        }
        long began = System.nanoTime();
        try {
            c.restart();
            state.restarts++;
            state.upSince = System.currentTimeMillis();
            log.warn("{} restarted (pid {}, restart #{}) in {} ms", c.name(), c.pid(), state.restarts,
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
            onRestarted.accept(c);
        } catch (RuntimeException e) {
            // Dead again: the next check schedules another attempt after a longer back-off. Alive but
            // slow to get ready: it keeps its chance, and tools must see its new pid.
            log.error("restarting {} failed: {}", c.name(), e.getMessage());
            if (c.isAlive()) {
                onRestarted.accept(c);
            }
        } finally {
            state.restarting = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final class State {
        volatile Duration backoff;
        volatile boolean restarting;
        volatile int restarts;
        volatile long upSince = System.currentTimeMillis();

        State(Duration backoff) {
            this.backoff = backoff;
        }
    }
}
