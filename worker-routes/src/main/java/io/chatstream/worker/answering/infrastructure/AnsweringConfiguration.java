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
import io.chatstream.worker.answering.infrastructure.bailian.BailianSettings;
import io.chatstream.worker.platform.infrastructure.TaskMetaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.kafka.KafkaClientFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the answering use cases (answering, stopping) to their adapters, and the Kafka consumer's offset
 * guard. The model provider comes from {@code bailian.BailianConfiguration}; the dead-letter topic from the
 * deadletters concept.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AnsweringSettings.class, RelaySettings.class, StreamSettings.class,
        ModelCatalogSettings.class, TaskMetaSettings.class})
public class AnsweringConfiguration {

    @Bean
    InflightAnswers inflightAnswers() {
        return new InflightAnswers();
    }

    @Bean
    RecentlyCancelled recentlyCancelled(AnsweringSettings settings) {
        AnsweringSettings.CancelledIds cancelled = settings.cancelledIds();
        return new RecentlyCancelled(cancelled.capacity(), cancelled.keepFor(), Clock.systemUTC());
    }

    @Bean
    AnswerMetrics answerMetrics(MeterRegistry registry, InflightAnswers inflight) {
        return new MicrometerAnswerMetrics(registry, inflight);
    }

    @Bean
    AnsweringPrompt answeringPrompt(ModelProvider provider, StringRedisTemplate redis, ProducerTemplate producer,
            DeadLetterTopic deadLetterTopic, AnswerMetrics metrics, InflightAnswers inflight,
            RecentlyCancelled cancelled, BailianSettings props, StreamSettings stream, TaskMetaSettings meta,
            RelaySettings relay) {
        AnsweringPolicy policy = new AnsweringPolicy(props.maxAttempts(),
                new Backoff(props.backoffInitial(), props.backoffMax()),
                props.firstTokenTimeout(), props.idleTimeout(), props.totalTimeout(),
                new Coalescing(relay.coalesceWindow(), relay.coalesceMaxChars()), props.thinkingTimeout());
        return new AnsweringPrompt(provider, new RedisAnswerStreams(redis, stream.ttl()),
                new RedisInferenceTasks(redis, meta.ttl()),
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
    LiveAnswerSettings<Exchange> liveAnswerSettings(BailianSettings props) {
        return new RouteAnswerSettings(props.model(), props.models());
    }

    @Bean
    ModelCatalogPublication modelCatalogPublication(LiveAnswerSettings<Exchange> answerSettings,
            ModelCatalogSettings catalog) {
        return new ModelCatalogPublication(answerSettings, catalog.republishEvery(), Clock.systemUTC());
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
            LiveAnswerSettings<Exchange> answerSettings, AnsweringSettings settings) {
        return new AnswerDispatcher(answering, offsets, settings.maxConcurrentAnswers(), settings.redeliveries(),
                settings.redeliveryDelayMs(), settings.shutdownGrace(), metrics, answerSettings);
    }
}
