package io.chatstream.gateway.platform.infrastructure;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.sse.*} in application.yml: the SSE answer streams, read by the HTTP edge (api), following an
 * answer (streaming) and the StreamAnswer call under it (backend).
 *
 * @param maxDuration longest life of one SSE answer stream (also its gRPC deadline); 0 = unlimited
 * @param confirmUnknownRequests ask the command service before the query service waits for an unknown request
 * @param maxQueuedEvents events one stream may hold for its browser
 * @param stallTimeout events waiting and none written for this long = the browser stopped reading
 * @param writerThreads threads that write SSE events
 * @param maxStreamsPerUser answer streams one user may hold open on this instance
 * @param maxStreamsPerAddress ... and one client address
 * @param resume {@code chat.sse.resume.*}
 */
@ConfigurationProperties("chat.sse")
public record SseSettings(Duration maxDuration, Boolean confirmUnknownRequests, Integer maxQueuedEvents,
        Duration stallTimeout, Integer writerThreads, Integer maxStreamsPerUser, Integer maxStreamsPerAddress,
        Resume resume) {

    public SseSettings {
        Objects.requireNonNull(maxDuration, "chat.sse.max-duration is not set");
        Objects.requireNonNull(confirmUnknownRequests, "chat.sse.confirm-unknown-requests is not set");
        Objects.requireNonNull(maxQueuedEvents, "chat.sse.max-queued-events is not set");
        Objects.requireNonNull(stallTimeout, "chat.sse.stall-timeout is not set");
        Objects.requireNonNull(writerThreads, "chat.sse.writer-threads is not set");
        Objects.requireNonNull(maxStreamsPerUser, "chat.sse.max-streams-per-user is not set");
        Objects.requireNonNull(maxStreamsPerAddress, "chat.sse.max-streams-per-address is not set");
        Objects.requireNonNull(resume, "chat.sse.resume is not set");
    }

    /**
     * How a stream whose query instance stopped or died is followed again.
     *
     * @param maxAttempts re-opens in a row without a new event; 0 = never re-open
     * @param initialBackoff pause before the first re-open: random, up to this
     * @param maxBackoff longest pause before a re-open
     */
    public record Resume(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {

        public Resume {
            Objects.requireNonNull(maxAttempts, "chat.sse.resume.max-attempts is not set");
            Objects.requireNonNull(initialBackoff, "chat.sse.resume.initial-backoff is not set");
            Objects.requireNonNull(maxBackoff, "chat.sse.resume.max-backoff is not set");
        }
    }
}
