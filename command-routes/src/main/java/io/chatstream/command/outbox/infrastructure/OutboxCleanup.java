package io.chatstream.command.outbox.infrastructure;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops outbox rows sent longer than {@code keepSent} ago: once Kafka has them, a row is only a copy
 * of its payload (a prompt's text among them), so the table holds the backlog and a short tail, never
 * every conversation ever sent. Called by the route {@code command-outbox-cleanup}; deletes in
 * batches of {@code batchSize} so one run never holds long locks.
 */
public class OutboxCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxCleanup.class);

    private final JdbcOutbox outbox;
    private final Clock clock;
    private final Duration keepSent;
    private final int batchSize;

    OutboxCleanup(JdbcOutbox outbox, Clock clock, Duration keepSent, int batchSize) {
        if (keepSent.isNegative() || batchSize < 1) {
            throw new IllegalArgumentException("chat.outbox.keep-sent must not be negative and cleanup-batch-size positive");
        }
        this.outbox = outbox;
        this.clock = clock;
        this.keepSent = keepSent;
        this.batchSize = batchSize;
    }

    /** Returns how many rows went. */
    public int run() {
        int dropped = 0;
        int batch;
        do {
            batch = outbox.forgetSentBefore(clock.instant().minus(keepSent), batchSize);
            dropped += batch;
        } while (batch == batchSize);
        if (dropped > 0) {
            LOG.info("outbox: dropped {} rows sent more than {} ago", dropped, keepSent);
        }
        return dropped;
    }
}
