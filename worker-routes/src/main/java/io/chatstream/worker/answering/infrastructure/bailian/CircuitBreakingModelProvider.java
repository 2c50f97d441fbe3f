package io.chatstream.worker.answering.infrastructure.bailian;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Resilience4j circuit breaker around the provider. The provider call is asynchronous (it
 * returns at once and reports through callbacks on SDK threads), so the breaker is driven by
 * hand: a permission when the stream starts, the outcome when its first terminal callback
 * arrives. Only retryable failures (5xx, throttling, transport) count against the provider; a
 * rejected request (InvalidParameter...) proves the provider is up and counts as a success.
 * While open, streams fail at once with {@code CIRCUIT_OPEN} without reaching the provider.
 */
public final class CircuitBreakingModelProvider implements ModelProvider {

    private final ModelProvider provider;
    private final CircuitBreaker breaker;

    public CircuitBreakingModelProvider(ModelProvider provider, CircuitBreaker breaker) {
        this.provider = provider;
        this.breaker = breaker;
    }

    static CircuitBreaker breaker(BreakerSettings props) {
        return CircuitBreaker.of("bailian", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(props.failureRateThreshold())
                .slidingWindowSize(props.slidingWindowSize())
                .minimumNumberOfCalls(props.minimumNumberOfCalls())
                .waitDurationInOpenState(props.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(props.permittedCallsInHalfOpenState())
                .build());
    }

    @Override
    public Stream stream(List<Turn> conversation, Listener listener) {
        return stream(null, conversation, listener);
    }

    @Override
    public Stream stream(String model, List<Turn> conversation, Listener listener) {
        return stream(model, false, conversation, listener);
    }

    @Override
    public Stream stream(String model, boolean thinking, List<Turn> conversation, Listener listener) {
        if (!breaker.tryAcquirePermission()) {
            listener.onError(ProviderError.circuitOpen(
                    "Bailian calls are suspended after repeated failures (circuit breaker open)"));
            return () -> { };
        }
        Recorder recorder = new Recorder(listener, breaker.getCurrentTimestamp());
        try {
            Stream stream = provider.stream(model, thinking, conversation, recorder);
            return () -> {
                recorder.abandon();
                stream.cancel();
            };
        } catch (RuntimeException e) {
            recorder.abandon();
            throw e;
        }
    }

    /** Reports the first terminal callback of one stream to the breaker, then passes everything on. */
    private final class Recorder implements Listener {

        private final Listener listener;
        private final long startedAt;
        private final AtomicBoolean recorded = new AtomicBoolean();

        Recorder(Listener listener, long startedAt) {
            this.listener = listener;
            this.startedAt = startedAt;
        }

        @Override
        public void onToken(String text) {
            listener.onToken(text);
        }

        @Override
        public void onThinking(String text) {
            listener.onThinking(text);
        }

        @Override
        public void onComplete(ProviderResponse response) {
            if (recorded.compareAndSet(false, true)) {
                breaker.onSuccess(elapsed(), breaker.getTimestampUnit());
            }
            listener.onComplete(response);
        }

        @Override
        public void onError(ProviderError error) {
            if (recorded.compareAndSet(false, true)) {
                if (error.isRetryable()) {
                    breaker.onError(elapsed(), breaker.getTimestampUnit(), new ProviderFailure(error));
                } else {
                    breaker.onSuccess(elapsed(), breaker.getTimestampUnit());
                }
            }
            listener.onError(error);
        }

        /**
         * The caller gave up (stop or watchdog): neither a success nor a provider failure we saw,
         * so the permission is handed back and the call is not counted.
         */
        void abandon() {
            if (recorded.compareAndSet(false, true)) {
                breaker.releasePermission();
            }
        }

        private long elapsed() {
            return breaker.getCurrentTimestamp() - startedAt;
        }
    }

    /** The failure as the breaker sees it (its API records throwables). */
    private static final class ProviderFailure extends RuntimeException {

        ProviderFailure(ProviderError error) {
            super(error.code() + ": " + error.message(), null, false, false);
        }
    }

    /** The gauge {@code chat.worker.breaker.state}. */
    static void exposeState(CircuitBreaker breaker, MeterRegistry registry) {
        Gauge.builder("chat.worker.breaker.state", breaker, b -> stateValue(b.getState()))
                .description("Bailian circuit breaker: 0 closed, 1 open, 2 half-open, 3 other")
                .tag("provider", "bailian").register(registry);
    }

    /** 0 closed, 1 open, 2 half-open, 3 any other (disabled, forced open, metrics only). */
    static double stateValue(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        };
    }

}
