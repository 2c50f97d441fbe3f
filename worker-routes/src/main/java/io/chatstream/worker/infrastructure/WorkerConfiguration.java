package io.chatstream.worker.infrastructure;

import io.chatstream.worker.application.AnswerMetrics;
import io.chatstream.worker.application.AnsweringPolicy;
import io.chatstream.worker.application.AnsweringPrompt;
import io.chatstream.worker.application.Coalescing;
import io.chatstream.worker.application.InflightAnswers;
import io.chatstream.worker.application.ModelProvider;
import io.chatstream.worker.application.RecentlyCancelled;
import io.chatstream.worker.application.StoppingAnswer;
import io.chatstream.worker.domain.Backoff;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires ModelInferenceContext's use cases to their adapters. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerConfiguration.class);

    @Bean
    ApiKeySource apiKeySource(@Value("${chat.bailian.api-key:}") String key) {
        return new ApiKeySource(key);
    }

    @Bean
    ModelProvider bailianClient(BailianProperties props, ApiKeySource apiKey, BreakerProperties breakerProps,
            MeterRegistry registry) {
        DashScopeConnectionLimits.apply(props.maxConcurrentStreams());
        // One client per model name: the answer route may pick another model per prompt.
        ModelProvider client = new BailianModels(props, apiKey);
        if (!breakerProps.enabled()) {
            return client;
        }
        CircuitBreaker breaker = CircuitBreakingModelProvider.breaker(breakerProps);
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("Bailian circuit breaker: {}",
                e.getStateTransition()));
        CircuitBreakingModelProvider.exposeState(breaker, registry);
        return new CircuitBreakingModelProvider(client, breaker);
    }

    @Bean
    InflightAnswers inflightAnswers() {
        return new InflightAnswers();
    }

    @Bean
    RecentlyCancelled recentlyCancelled(@Value("${chat.worker.cancelled-ids.capacity:10000}") int capacity,
            @Value("${chat.worker.cancelled-ids.keep-for:10m}") Duration keepFor) {
        return new RecentlyCancelled(capacity, keepFor, Clock.systemUTC());
    }

    @Bean
    AnswerMetrics answerMetrics(MeterRegistry registry, InflightAnswers inflight) {
        return new MicrometerAnswerMetrics(registry, inflight);
    }

    @Bean
    AnsweringPrompt answeringPrompt(ModelProvider provider, StringRedisTemplate redis, ProducerTemplate producer,
            AnswerMetrics metrics, InflightAnswers inflight, RecentlyCancelled cancelled, BailianProperties props,
            @Value("${chat.stream.ttl:1h}") Duration streamTtl, @Value("${chat.meta.ttl:24h}") Duration metaTtl,
            @Value("${chat.relay.coalesce-window:25ms}") Duration coalesceWindow,
            @Value("${chat.relay.coalesce-max-chars:256}") int coalesceMaxChars) {
        AnsweringPolicy policy = new AnsweringPolicy(props.maxAttempts(),
                new Backoff(props.backoffInitial(), props.backoffMax()),
                props.firstTokenTimeout(), props.idleTimeout(), props.totalTimeout(),
                new Coalescing(coalesceWindow, coalesceMaxChars));
        return new AnsweringPrompt(provider, new RedisAnswerStreams(redis, streamTtl),
                new RedisInferenceTasks(redis, metaTtl),
                new KafkaAnswerOutcomes(producer, "direct:answer-prompt-publish", props.model()),
                new KafkaFailedPrompts(producer, "direct:answer-prompt-dead-letter"),
                metrics, inflight, cancelled, policy, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    StoppingAnswer stoppingAnswer(InflightAnswers inflight, RecentlyCancelled cancelled) {
        return new StoppingAnswer(inflight, cancelled);
    }

    @Bean
    PromptSubmittedTranslator promptSubmittedTranslator() {
        return new PromptSubmittedTranslator();
    }

    @Bean
    PromptCancelledTranslator promptCancelledTranslator() {
        return new PromptCancelledTranslator();
    }

    @Bean
    DeadLetterMeter deadLetterMeter(MeterRegistry registry) {
        return new DeadLetterMeter(registry);
    }

    @Bean
    OffsetGuard offsetGuard() {
        return new OffsetGuard();
    }

    /** Autowired into the Camel Kafka component: every consumer's commits go through the guard. */
    @Bean
    KafkaClientFactory guardedKafkaClientFactory(OffsetGuard guard) {
        return new GuardedKafkaClientFactory(guard);
    }

    @Bean
    KafkaOffsets kafkaOffsets(OffsetGuard guard) {
        return new KafkaOffsets(guard);
    }

    @Bean
    AnswerDispatcher answerDispatcher(AnsweringPrompt answering, KafkaOffsets offsets, AnswerMetrics metrics,
            @Value("${chat.worker.max-concurrent-answers:256}") int maxConcurrent,
            @Value("${chat.worker.redeliveries:3}") int retries,
            @Value("${chat.worker.redelivery-delay-ms:1000}") long retryDelayMs,
            @Value("${chat.worker.shutdown-grace:20s}") Duration shutdownGrace) {
        return new AnswerDispatcher(answering, offsets, maxConcurrent, retries, Duration.ofMillis(retryDelayMs),
                shutdownGrace, metrics);
    }
}
