package io.chatstream.worker.infrastructure;

import io.chatstream.worker.application.AnsweringPrompt;
import io.chatstream.worker.application.DeadLetters;
import io.chatstream.worker.application.ListingDeadLetters;
import io.chatstream.worker.application.ReplayClaims;
import io.chatstream.worker.application.ReplayingDeadLetters;
import io.chatstream.worker.interfaces.DlqOpsApi;
import io.chatstream.worker.interfaces.OpsErrors;
import io.chatstream.worker.interfaces.OpsGuard;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires DLQ inspection and replay (routes {@code dlq-*.camel.yaml}) to the answering use case. */
@Configuration(proxyBeanMethods = false)
public class DlqConfiguration {

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
            PacedReplayQueue queue, ProducerTemplate producer, PromptSubmittedTranslator translator,
            @Value("${chat.dlq.replay.max-per-call:20}") int maxPerCall,
            @Value("${chat.dlq.replay.max-age:24h}") Duration maxAge) {
        return new ReplayingDeadLetters(letters, claims, new TranslatedParkedPrompts(translator), answering, queue,
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
    DlqOpsApi dlqOpsApi(ListingDeadLetters listing, ReplayingDeadLetters replaying,
            @Value("${chat.dlq.list-limit:100}") int listLimit,
            @Value("${chat.dlq.replay.max-per-call:20}") int maxPerCall) {
        return new DlqOpsApi(listing, replaying, listLimit, maxPerCall);
    }
}
