package io.chatstream.worker.deadletters.infrastructure;

import io.chatstream.worker.answering.application.AnsweringPrompt;
import io.chatstream.worker.answering.application.DeadLetterTopic;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import io.chatstream.worker.answering.application.SubmittedPrompts;
import io.chatstream.worker.deadletters.application.DeadLetters;
import io.chatstream.worker.deadletters.application.ListingDeadLetters;
import io.chatstream.worker.deadletters.application.ReplayClaims;
import io.chatstream.worker.deadletters.application.ReplayingDeadLetters;
import io.chatstream.worker.deadletters.interfaces.DeadLetterOpsApi;
import io.chatstream.worker.deadletters.interfaces.OpsErrors;
import io.chatstream.worker.deadletters.interfaces.OpsGuard;
import io.chatstream.worker.platform.infrastructure.TaskMetaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the dead letters: the dead-letter topic the answering use case writes to (and its meter), the
 * index, listing and replay (routes {@code dlq-*.camel.yaml}), and the ops API. Replays run the answering
 * use case through its application ports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeadLetterSettings.class, OpsSettings.class, TaskMetaSettings.class})
public class DeadLettersConfiguration {

    @Bean
    DeadLetterTopic deadLetterTopic(ProducerTemplate producer) {
        return new KafkaDeadLetterTopic(producer, "direct:answer-prompt-dead-letter");
    }

    @Bean
    DeadLetterMeter deadLetterMeter(MeterRegistry registry) {
        return new DeadLetterMeter(registry);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterSettings settings) {
        return new InMemoryDeadLetters(settings.index().capacity());
    }

    @Bean
    DeadLetterTranslator deadLetterTranslator() {
        return new DeadLetterTranslator();
    }

    @Bean
    ReplayClaims replayClaims(StringRedisTemplate redis, DeadLetterSettings settings, TaskMetaSettings meta) {
        DeadLetterSettings.Replay replay = settings.replay();
        return new RedisReplayClaims(redis, replay.claimTtl(), replay.ledgerTtl(), meta.ttl(), Clock.systemUTC());
    }

    @Bean
    PacedReplayQueue replayQueue(DeadLetterSettings settings) {
        DeadLetterSettings.Replay replay = settings.replay();
        return new PacedReplayQueue(replay.ratePerSecond(), replay.maxConcurrent(), replay.maxPending());
    }

    @Bean
    ListingDeadLetters listingDeadLetters(DeadLetters letters, ReplayClaims claims, DeadLetterSettings settings) {
        return new ListingDeadLetters(letters, claims, settings.replay().maxAge(), Clock.systemUTC());
    }

    @Bean
    ReplayingDeadLetters replayingDeadLetters(DeadLetters letters, ReplayClaims claims, AnsweringPrompt answering,
            PacedReplayQueue queue, ProducerTemplate producer, SubmittedPrompts submittedPrompts,
            DeadLetterSettings settings) {
        DeadLetterSettings.Replay replay = settings.replay();
        return new ReplayingDeadLetters(letters, claims, submittedPrompts, answering, queue,
                new KafkaAuditLog(producer, "direct:dlq-audit"),
                new ReplayingDeadLetters.Limits(replay.maxPerCall(), replay.maxAge()), Clock.systemUTC());
    }

    @Bean
    OpsGuard opsGuard(OpsSettings settings) {
        return new OpsGuard(settings.username(), settings.password());
    }

    @Bean
    OpsErrors opsErrors() {
        return new OpsErrors();
    }

    @Bean
    DeadLetterOpsApi dlqOpsApi(ListingDeadLetters listing, ReplayingDeadLetters replaying,
            LiveAnswerSettings<Exchange> answerSettings, DeadLetterSettings settings) {
        return new DeadLetterOpsApi(listing, replaying, answerSettings, settings.listLimit(),
                settings.replay().maxPerCall());
    }
}
