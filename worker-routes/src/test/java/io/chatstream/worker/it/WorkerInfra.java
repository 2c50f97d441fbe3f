package io.chatstream.worker.it;

import io.chatstream.localinfra.ChatTopics;
import io.chatstream.localinfra.KafkaBroker;
import io.chatstream.localinfra.RedisServer;
import io.chatstream.simulator.BailianSimulator;
import io.chatstream.simulator.SimulatorSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Real Kafka, Redis and the Bailian simulator for one IT class. */
final class WorkerInfra implements AutoCloseable {

    static final String API_KEY = "sk-it-secret-0123456789abcdef";

    final KafkaBroker kafka;
    final RedisServer redis;
    final BailianSimulator simulator;

    WorkerInfra() {
        long run = System.nanoTime();
        kafka = KafkaBroker.start(0, Path.of("target/it-kafka-" + run));
        kafka.createTopics(ChatTopics.defaults());
        redis = RedisServer.start(0, Path.of("target/it-redis-" + run));
        simulator = BailianSimulator.start(SimulatorSettings.defaults().withPort(0)
                .withFirstTokenDelay(Duration.ofMillis(5)).withInterChunkDelay(Duration.ofMillis(5)));
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("chat.kafka.brokers", kafka::bootstrapServers);
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("chat.bailian.base-url", simulator::baseUrl);
        registry.add("chat.bailian.api-key", () -> API_KEY);
        registry.add("chat.bailian.backoff-initial", () -> "50ms");
        registry.add("chat.bailian.backoff-max", () -> "200ms");
        registry.add("chat.bailian.first-token-timeout", () -> "2s");
        registry.add("chat.bailian.idle-timeout", () -> "2s");
        registry.add("chat.worker.consumers-count", () -> "1");
        // These tests provoke provider failures on purpose; the breaker (BailianCircuitBreakerIT)
        // stays in the call path but must not open here.
        registry.add("chat.bailian.breaker.minimum-number-of-calls", () -> "100000");
        registry.add("chat.bailian.breaker.sliding-window-size", () -> "100000");
        registry.add("chat.worker.shutdown-grace", () -> "1s");
    }

    @Override
    public void close() {
        simulator.close();
        redis.close();
        kafka.close();
    }
}
