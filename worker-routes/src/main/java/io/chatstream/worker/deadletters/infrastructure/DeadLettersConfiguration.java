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
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Wires the dead letters: the dead-letter topic the answering use case writes to (and its meter), the
 * index, listing and replay (routes {@code dlq-*.camel.yaml}), and the ops API. Replays run the answering
 * use case through its application ports.
 */
@Configuration(proxyBeanMethods = false)
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
    DeadLetters deadLetters(@Value("${chat.dlq.index.capacity:1000}") int capacity) {
        return new InMemoryDeadLetters(capacity);
    }

    @Bean
    DeadLetterTranslator deadLetterTranslator() {
        return new DeadLetterTranslator();
    }

    @Bean
    ReplayClaims replayClaims(StringRedisTemplate redis,
            @Value("${chat.dlq.replay.claim-ttl:30m}") Duration claimTtl,
            @Value("${chat.dlq.replay.ledger-ttl:7d}") Duration ledgerTtl,
            @Value("${chat.meta.ttl:24h}") Duration metaTtl) {
        return new RedisReplayClaims(redis, claimTtl, ledgerTtl, metaTtl, Clock.systemUTC());
    }

    @Bean
    PacedReplayQueue replayQueue(@Value("${chat.dlq.replay.rate-per-second:1}") double rate,
            @Value("${chat.dlq.replay.max-concurrent:4}") int maxConcurrent,
            @Value("${chat.dlq.replay.max-pending:100}") int maxPending) {
        return new PacedReplayQueue(rate, maxConcurrent, maxPending);
    }

    @Bean
    ListingDeadLetters listingDeadLetters(DeadLetters letters, ReplayClaims claims,
            @Value("${chat.dlq.replay.max-age:24h}") Duration maxAge) {
        return new ListingDeadLetters(letters, claims, maxAge, Clock.systemUTC());
    }

    @Bean
    ReplayingDeadLetters replayingDeadLetters(DeadLetters letters, ReplayClaims claims, AnsweringPrompt answering,
            PacedReplayQueue queue, ProducerTemplate producer, SubmittedPrompts submittedPrompts,
            @Value("${chat.dlq.replay.max-per-call:20}") int maxPerCall,
            @Value("${chat.dlq.replay.max-age:24h}") Duration maxAge) {
        return new ReplayingDeadLetters(letters, claims, submittedPrompts, answering, queue,
                new KafkaAuditLog(producer, "direct:dlq-audit"),
                new ReplayingDeadLetters.Limits(maxPerCall, maxAge), Clock.systemUTC());
    }

    @Bean
    OpsGuard opsGuard(@Value("${chat.ops.username:ops}") String username,
            @Value("${chat.ops.password:}") String password) {
        return new OpsGuard(username, password);
    }

    @Bean
    OpsErrors opsErrors() {
        return new OpsErrors();
    }

    @Bean
    DeadLetterOpsApi dlqOpsApi(ListingDeadLetters listing, ReplayingDeadLetters replaying,
            LiveAnswerSettings<Exchange> answerSettings,
            @Value("${chat.dlq.list-limit:100}") int listLimit,
            @Value("${chat.dlq.replay.max-per-call:20}") int maxPerCall) {
        return new DeadLetterOpsApi(listing, replaying, answerSettings, listLimit, maxPerCall);
    }
}
