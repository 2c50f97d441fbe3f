package io.chatstream.command.infrastructure.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Bounds and caches a dependency check. Spring Boot's db and redis indicators wait as long as
 * their client does (Hikari's connection timeout, Lettuce's 60 s command timeout) when the
 * dependency is gone; a probe must answer in a second or two, and a burst of probes must not
 * pile up checks. A check that does not finish in time is DOWN; the last result is reused for
 * {@code cacheFor}.
 */
final class TimeLimitedHealth implements HealthIndicator, AutoCloseable {

    private final HealthIndicator delegate;
    private final Duration timeout;
    private final Duration cacheFor;
    private final Clock clock;
    private final ExecutorService checks;
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    TimeLimitedHealth(String name, HealthIndicator delegate, Duration timeout, Duration cacheFor, Clock clock) {
        this.delegate = delegate;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
        this.clock = clock;
        this.checks = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "health-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Health cached = last;
        if (cached != null && now.isBefore(lastAt.plus(cacheFor))) {
            return cached;
        }
        Health fresh = check();
        last = fresh;
        lastAt = clock.instant();
        return fresh;
    }

    private Health check() {
        CompletableFuture<Health> result = CompletableFuture.supplyAsync(delegate::health, checks);
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return Health.down().withDetail("error", "no answer within " + timeout.toMillis() + " ms").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (Exception e) {
            return Health.down(e).build();
        }
    }

    @Override
    public void close() throws Exception {
        checks.shutdownNow();
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
