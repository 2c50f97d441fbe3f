package io.chatstream.gateway.chat.application;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.ModelChoices;
import io.chatstream.gateway.identity.application.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case: the models people may choose, read from the query service and kept for {@code cacheFor},
 * so a send checks its model without a call each time. When the query service cannot answer, the last
 * catalog read is used, however old; with none, the failure is the outcome.
 */
public class OfferedModels {

    private final ChatQueries queries;
    private final Duration cacheFor;
    private final Clock clock;
    private volatile Read last;

    private record Read(ModelChoices choices, Instant at) {
    }

    public OfferedModels(ChatQueries queries, Duration cacheFor, Clock clock) {
        this.queries = queries;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    public Outcome<ModelChoices> list(Caller caller) {
        Read read = last;
        Instant now = clock.instant();
        if (read != null && now.isBefore(read.at().plus(cacheFor))) {
            return Outcome.done(read.choices());
        }
        Outcome<ModelChoices> fresh = queries.models(caller);
        if (fresh instanceof Outcome.Done<ModelChoices> done && !done.value().models().isEmpty()) {
            last = new Read(done.value(), now);
            return fresh;
        }
        return read != null ? Outcome.done(read.choices()) : fresh;
    }
}
