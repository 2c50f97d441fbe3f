package io.chatstream.worker.answering.infrastructure;

import io.chatstream.worker.answering.application.AnswerMetrics;
import io.chatstream.worker.answering.application.InflightAnswers;
import io.chatstream.worker.answering.domain.AnswerEvent;
import io.chatstream.worker.answering.domain.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Pattern;

/** The worker's meters: first token and answer timers, tokens, answers by status, retries, in flight. */
public final class MicrometerAnswerMetrics implements AnswerMetrics {

    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");

    private final MeterRegistry registry;
    private final Timer firstToken;
    private final Timer queueWait;

    public MicrometerAnswerMetrics(MeterRegistry registry, InflightAnswers inflight) {
        this.registry = registry;
        this.firstToken = Timer.builder("chat.worker.first_token")
                .description("worker pick-up to the first token of an attempt")
                .publishPercentileHistogram().register(registry);
        this.queueWait = Timer.builder("chat.worker.queue_wait")
                .description("prompt submitted (command) to a worker starting its answer")
                .publishPercentileHistogram().register(registry);
        Gauge.builder("chat.worker.inflight", inflight, InflightAnswers::count)
                .description("answers this instance is producing").register(registry);
    }

    @Override
    public void firstToken(Duration sincePickUp) {
        firstToken.record(sincePickUp);
    }

    @Override
    public void answered(AnswerEvent event, Duration total) {
        String status = event.status().wireName();
        Timer.builder("chat.worker.answer.duration").tag("status", status).publishPercentileHistogram()
                .register(registry).record(total);
        Counter.builder("chat.worker.answers").tag("status", status).register(registry).increment();
        if (event instanceof AnswerEvent.AnswerFailed failed) {
            Counter.builder("chat.worker.failures")
                    .description("answers failed for good, by failure class and provider code")
                    .tag("failure_class", failed.failureClass().wireName())
                    .tag("error_code", boundedCode(failed.errorCode()))
                    .register(registry).increment();
        }
        Usage usage = event instanceof AnswerEvent.AnswerCompleted c ? c.usage()
                : event instanceof AnswerEvent.AnswerStopped s ? s.usage() : Usage.NONE;
        Counter.builder("chat.worker.tokens").tag("direction", "input").register(registry)
                .increment(usage.inputTokens());
        Counter.builder("chat.worker.tokens").tag("direction", "output").register(registry)
                .increment(usage.outputTokens());
    }

    @Override
    public void startedAfter(Duration wait) {
        // Clocks of two hosts: a negative skew counts as no wait rather than being dropped.
        queueWait.record(wait.isNegative() ? Duration.ZERO : wait);
    }

    @Override
    public void retried(String errorCode) {
        Counter.builder("chat.worker.retries").tag("error_code", boundedCode(errorCode)).register(registry)
                .increment();
    }

    /**
     * A provider code as a tag value: DashScope's codes are a small set, but the value comes from
     * outside, so anything that does not look like a code is counted as "other" (bounded series).
     */
    static String boundedCode(String code) {
        return code != null && code.length() <= 64 && CODE.matcher(code).matches() ? code : "other";
    }
}
