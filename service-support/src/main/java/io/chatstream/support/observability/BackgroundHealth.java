package io.chatstream.support.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Checks a dependency in the background, every {@code interval}, and answers probes with the last
 * result at once. Spring Boot's db and redis indicators wait as long as their client does (Hikari's
 * connection timeout, Lettuce's 60 s command timeout) when the dependency is gone, and a loaded
 * machine can make any check slow: a probe must neither hang nor pile up checks. A check that takes
 * longer than {@code timeout}, or is still running when the next is due, counts as DOWN.
 */
public final class BackgroundHealth implements HealthIndicator, AutoCloseable {

    private final String name;
    private final HealthIndicator delegate;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final ExecutorService checks;
    private volatile Health last = Health.down().withDetail("error", "not checked yet").build();
    private volatile Instant lastAt;
    private Future<Health> running;

    public BackgroundHealth(String name, HealthIndicator delegate, Duration timeout, Duration interval, Clock clock) {
        this.name = name;
        this.delegate = delegate;
        this.timeout = timeout;
        this.clock = clock;
        this.lastAt = clock.instant();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "health-" + name));
        this.checks = Executors.newCachedThreadPool(r -> daemon(r, "health-" + name + "-check"));
        ticker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return Health.status(last.getStatus()).withDetails(last.getDetails())
                .withDetail("checkedAt", lastAt.toString()).build();
    }

    /** One check, run by the ticker; visible for tests. */
    void check() {
        if (running != null && !running.isDone()) {
            record(Health.down().withDetail("error", name + " check still running after " + timeout.toMillis() + " ms").build());
            return;
        }
        running = checks.submit(delegate::health);
        try {
            record(running.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            record(Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            record(Health.down().withDetail("error", String.valueOf(e.getCause() == null ? e : e.getCause())).build());
        }
    }

    private void record(Health health) {
        last = health;
        lastAt = clock.instant();
    }

    @Override
    public void close() throws Exception {
        ticker.shutdownNow();
        checks.shutdownNow();
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }
}
