package io.chatstream.worker.answering.infrastructure.bailian;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.simulator.BailianSimulator;
import io.chatstream.simulator.SimulatorSettings;
import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.Turn;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real BailianClient behind the circuit breaker, against the simulator. */
class BailianCircuitBreakerIT {

    private static final Duration WAIT_OPEN = Duration.ofSeconds(2);
    private static BailianSimulator simulator;
    private static BailianClient client;

    @BeforeAll
    static void start() {
        // The SDK builds one shared HTTP client per JVM: set the limit the other ITs rely on first.
        DashScopeConnectionLimits.apply(512);
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(5)).withInterChunkDelay(Duration.ofMillis(5)));
        client = new BailianClient(new BailianSettings(simulator.baseUrl(), "qwen-plus", null, null, null, "",
                512, 3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(30), List.of(), "", null), new ApiKeySource("sk-it-breaker-0000"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static CircuitBreaker breaker() {
        return CircuitBreakingModelProvider.breaker(new BreakerSettings(true, 50f, 4, 4, WAIT_OPEN, 1));
    }

    @Test
    @DisplayName("repeated 500s open the breaker, calls then fail fast without reaching Bailian, and it closes again")
    void opensFailsFastAndRecovers() throws Exception {
        CircuitBreaker breaker = breaker();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CircuitBreakingModelProvider.exposeState(breaker, registry);
        CircuitBreakingModelProvider provider = new CircuitBreakingModelProvider(client, breaker);

        for (int i = 0; i < 4; i++) {
            assertThat(call(provider, "[sim:error500] outage " + i)).isInstanceOfSatisfying(ProviderError.class,
                    e -> assertThat(e.isRetryable()).isTrue());
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(registry.get("chat.worker.breaker.state").gauge().value()).isEqualTo(1.0);

        long requestsWhenOpened = simulator.stats().requests();
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(call(provider, "hello " + i)).isInstanceOfSatisfying(ProviderError.class, e -> {
                assertThat(e.code()).isEqualTo(ProviderError.CIRCUIT_OPEN);
                assertThat(e.isRetryable()).isTrue();
            });
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(simulator.stats().requests()).isEqualTo(requestsWhenOpened);

        Thread.sleep(WAIT_OPEN.toMillis() + 200);
        assertThat(call(provider, "hello again")).isInstanceOfSatisfying(ProviderResponse.class,
                r -> assertThat(r.text()).isNotEmpty());
        assertThat(simulator.stats().requests()).isEqualTo(requestsWhenOpened + 1);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(registry.get("chat.worker.breaker.state").gauge().value()).isZero();
    }

    @Test
    @DisplayName("rejected requests (InvalidParameter) do not count against the provider")
    void userErrorsDoNotOpen() throws Exception {
        CircuitBreaker breaker = breaker();
        CircuitBreakingModelProvider provider = new CircuitBreakingModelProvider(client, breaker);

        for (int i = 0; i < 6; i++) {
            assertThat(call(provider, "[sim:bad-request] no " + i)).isInstanceOfSatisfying(ProviderError.class,
                    e -> assertThat(e.code()).isEqualTo("InvalidParameter"));
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    @DisplayName("an abandoned stream hands its permission back and is not counted")
    void abandonedStreamIsNotCounted() throws Exception {
        CircuitBreaker breaker = breaker();
        CircuitBreakingModelProvider provider = new CircuitBreakingModelProvider(client, breaker);

        ModelProvider.Stream stream = provider.stream(List.of(Turn.user("[sim:stall=3000] quiet")),
                new Collector());
        stream.cancel();

        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    /** Runs one stream to its first terminal callback: a ProviderResponse or a ProviderError. */
    private static Object call(ModelProvider provider, String text) throws Exception {
        Collector collector = new Collector();
        provider.stream(List.of(Turn.user(text)), collector);
        return collector.result.get(10, TimeUnit.SECONDS);
    }

    private static final class Collector implements ModelProvider.Listener {

        final CompletableFuture<Object> result = new CompletableFuture<>();

        @Override
        public void onToken(String text) {
        }

        @Override
        public void onComplete(ProviderResponse response) {
            result.complete(response);
        }

        @Override
        public void onError(ProviderError error) {
            result.complete(error);
        }
    }
}
