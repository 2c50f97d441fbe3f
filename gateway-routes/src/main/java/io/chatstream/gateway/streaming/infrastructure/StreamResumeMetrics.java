package io.chatstream.gateway.streaming.infrastructure;

import io.chatstream.domain.RequestId;
import io.chatstream.gateway.streaming.application.StreamResumes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code chat.gateway.sse.resumes{outcome=resumed|gave_up}} and a log line for each: answer streams followed
 * again after their query instance stopped or died mid-answer, and the ones whose budget ran out.
 */
final class StreamResumeMetrics implements StreamResumes {

    private static final Logger log = LoggerFactory.getLogger(StreamResumeMetrics.class);

    private final Counter resumed;
    private final Counter gaveUp;

    StreamResumeMetrics(MeterRegistry registry) {
        this.resumed = counter(registry, "resumed");
        this.gaveUp = counter(registry, "gave_up");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("chat.gateway.sse.resumes").tag("outcome", outcome)
                .description("answer streams followed again after their query instance broke off (resumed), "
                        + "or ended with an error once chat.sse.resume.max-attempts were used up (gave_up)")
                .register(registry);
    }

    @Override
    public void resuming(RequestId request, long afterSeq, int attempt, Duration pause) {
        resumed.increment();
        log.info("answer stream of request {} broke off; resuming after seq {} in {} ms (attempt {})",
                request.value(), afterSeq, pause.toMillis(), attempt);
    }

    @Override
    public void gaveUp(RequestId request, long afterSeq, int attempts) {
        gaveUp.increment();
        log.warn("answer stream of request {} broke off after seq {} and {} resume attempts: the reader gets "
                + "DEPENDENCY_UNAVAILABLE", request.value(), afterSeq, attempts);
    }
}
