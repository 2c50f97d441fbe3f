package io.chatstream.worker.answering.infrastructure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * {@code chat.worker.*} in application.yml as Java reads it: how many answers run at once, how a technical
 * failure is retried, the shutdown grace and the remembered cancels. The consumer settings of that block are
 * read by the routes only.
 *
 * @param maxConcurrentAnswers answers this instance runs at the same time
 * @param redeliveries retries of a technical failure of an answer (by the AnswerDispatcher)
 * @param redeliveryDelayMs pause between those retries (a bare number is milliseconds)
 * @param shutdownGrace how long running answers get to finish on SIGTERM
 * @param cancelledIds {@code chat.worker.cancelled-ids.*}
 */
@ConfigurationProperties("chat.worker")
public record AnsweringSettings(Integer maxConcurrentAnswers, Integer redeliveries,
        @DurationUnit(ChronoUnit.MILLIS) Duration redeliveryDelayMs, Duration shutdownGrace,
        CancelledIds cancelledIds) {

    public AnsweringSettings {
        Objects.requireNonNull(maxConcurrentAnswers, "chat.worker.max-concurrent-answers is not set");
        Objects.requireNonNull(redeliveries, "chat.worker.redeliveries is not set");
        Objects.requireNonNull(redeliveryDelayMs, "chat.worker.redelivery-delay-ms is not set");
        Objects.requireNonNull(shutdownGrace, "chat.worker.shutdown-grace is not set");
        Objects.requireNonNull(cancelledIds, "chat.worker.cancelled-ids is not set");
    }

    /**
     * The request ids of recent cancels each instance remembers.
     *
     * @param capacity how many (the oldest are forgotten first)
     * @param keepFor and for how long
     */
    public record CancelledIds(Integer capacity, Duration keepFor) {

        public CancelledIds {
            Objects.requireNonNull(capacity, "chat.worker.cancelled-ids.capacity is not set");
            Objects.requireNonNull(keepFor, "chat.worker.cancelled-ids.keep-for is not set");
        }
    }
}
