package io.chatstream.worker.answering.infrastructure;

import io.chatstream.worker.answering.application.AnswerMetrics;
import io.chatstream.worker.answering.application.AnsweringPolicy;
import io.chatstream.worker.answering.application.AnsweringPrompt;
import io.chatstream.worker.answering.application.Coalescing;
import io.chatstream.worker.answering.application.DeadLetterTopic;
import io.chatstream.worker.answering.application.InflightAnswers;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.answering.application.RecentlyCancelled;
import io.chatstream.worker.answering.application.StoppingAnswer;
import io.chatstream.worker.answering.application.SubmittedPrompts;
import io.chatstream.worker.answering.domain.Backoff;
import io.chatstream.worker.answering.infrastructure.bailian.BailianProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the answering use cases (answering, stopping) to their adapters, and the Kafka consumer's offset
 * guard. The model provider comes from {@code bailian.BailianConfiguration}; the dead-letter topic from the
 * deadletters concept.
 */
@Configuration(proxyBeanMethods = false)
public class AnsweringConfiguration {

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
            DeadLetterTopic deadLetterTopic, AnswerMetrics metrics, InflightAnswers inflight,
            RecentlyCancelled cancelled, BailianProperties props,
            @Value("${chat.stream.ttl:1h}") Duration streamTtl, @Value("${chat.meta.ttl:24h}") Duration metaTtl,
            @Value("${chat.relay.coalesce-window:25ms}") Duration coalesceWindow,
            @Value("${chat.relay.coalesce-max-chars:256}") int coalesceMaxChars) {
        AnsweringPolicy policy = new AnsweringPolicy(props.maxAttempts(),
                new Backoff(props.backoffInitial(), props.backoffMax()),
                props.firstTokenTimeout(), props.idleTimeout(), props.totalTimeout(),
                new Coalescing(coalesceWindow, coalesceMaxChars), props.thinkingTimeout());
        return new AnsweringPrompt(provider, new RedisAnswerStreams(redis, streamTtl),
                new RedisInferenceTasks(redis, metaTtl),
                new KafkaAnswerOutcomes(producer, "direct:answer-prompt-publish", props.model()), deadLetterTopic,
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

    /** How other concepts read a kept PromptSubmitted payload (a dead letter's replay). */
    @Bean
    SubmittedPrompts submittedPrompts(PromptSubmittedTranslator translator) {
        return new TranslatedSubmittedPrompts(translator);
    }

    /** How other concepts' routes read the settings the answer route's policy step chose (a replay's). */
    @Bean
    LiveAnswerSettings<Exchange> liveAnswerSettings(BailianProperties props) {
        return new RouteAnswerSettings(props.model(), props.models());
    }

    @Bean
    ModelCatalogPublication modelCatalogPublication(LiveAnswerSettings<Exchange> answerSettings,
            @Value("${chat.models.republish-every:1h}") Duration republishEvery) {
        return new ModelCatalogPublication(answerSettings, republishEvery, Clock.systemUTC());
    }

    @Bean
    PromptCancelledTranslator promptCancelledTranslator() {
        return new PromptCancelledTranslator();
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
            LiveAnswerSettings<Exchange> answerSettings,
            @Value("${chat.worker.max-concurrent-answers:256}") int maxConcurrent,
            @Value("${chat.worker.redeliveries:3}") int retries,
            @Value("${chat.worker.redelivery-delay-ms:1000}") long retryDelayMs,
            @Value("${chat.worker.shutdown-grace:15s}") Duration shutdownGrace) {
        return new AnswerDispatcher(answering, offsets, maxConcurrent, retries, Duration.ofMillis(retryDelayMs),
                shutdownGrace, metrics, answerSettings);
    }
}
