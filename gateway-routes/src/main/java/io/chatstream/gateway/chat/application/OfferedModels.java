package io.chatstream.gateway.chat.application;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.ModelChoices;
import io.chatstream.gateway.identity.application.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Use case: the models people may choose, read from the query service and kept for {@code cacheFor},
 * so a send checks its model without a call each time.
 *
 * <p>Only the very first read is waited for. Once a catalog is known, an older one is still answered at
 * once while a single read runs on {@code refresher} (stale while revalidating): a send never waits for
 * the query service because the cache period ended, and the sends arriving together then cause one read,
 * not one each. A failed or empty read keeps the last catalog, however old, and the next request tries
 * again. With no catalog ever read, the failure is the outcome.
 */
public class OfferedModels {

    private final ChatQueries queries;
    private final Duration cacheFor;
    private final Clock clock;
    private final Executor refresher;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Read last;

    private record Read(ModelChoices choices, Instant at) {
    }

    public OfferedModels(ChatQueries queries, Duration cacheFor, Clock clock, Executor refresher) {
        this.queries = queries;
        this.cacheFor = cacheFor;
        this.clock = clock;
        this.refresher = refresher;
    }

    public Outcome<ModelChoices> list(Caller caller) {
        Read read = last;
        if (read == null) {
            return read(caller);
        }
        if (!clock.instant().isBefore(read.at().plus(cacheFor)) && refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    read(caller);
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return Outcome.done(read.choices());
    }

    /** Reads the catalog now; a real one (not empty) becomes the one answered. */
    private Outcome<ModelChoices> read(Caller caller) {
        Instant at = clock.instant();
        Outcome<ModelChoices> fresh = queries.models(caller);
        if (fresh instanceof Outcome.Done<ModelChoices> done && !done.value().models().isEmpty()) {
            last = new Read(done.value(), at);
        }
        return fresh;
    }
}
