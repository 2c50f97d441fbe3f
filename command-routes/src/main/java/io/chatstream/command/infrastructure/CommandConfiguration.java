package io.chatstream.command.infrastructure;

import io.chatstream.command.application.CancellingPrompt;
import io.chatstream.command.application.CheckingPromptStatus;
import io.chatstream.command.application.DeletingSession;
import io.chatstream.command.application.IdempotencyCache;
import io.chatstream.command.application.Outbox;
import io.chatstream.command.application.OutboxRelayTrigger;
import io.chatstream.command.application.RecordingAnswer;
import io.chatstream.command.application.RenamingSession;
import io.chatstream.command.application.SubmitSettings;
import io.chatstream.command.application.SubmittingPrompt;
import io.chatstream.command.application.Transactions;
import io.chatstream.command.domain.ContextBudget;
import io.chatstream.command.domain.Prompts;
import io.chatstream.command.domain.Sessions;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the use cases of ConversationCommandContext to their adapters. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Sessions sessions(JdbcTemplate jdbc, Clock clock) {
        return new JdbcSessions(jdbc, clock);
    }

    @Bean
    Prompts prompts(JdbcTemplate jdbc) {
        return new JdbcPrompts(jdbc);
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, Clock clock,
            @Value("${chat.topics.prompt-submitted}") String submittedTopic,
            @Value("${chat.topics.prompt-cancelled}") String cancelledTopic,
            @Value("${chat.topics.session-changed}") String sessionChangedTopic) {
        return new JdbcOutbox(jdbc, clock, submittedTopic, cancelledTopic, sessionChangedTopic);
    }

    @Bean
    OutboxRelayTrigger outboxRelayTrigger(ProducerTemplate producer,
            @Value("${chat.outbox.trigger-uri}") String triggerUri) {
        return new CamelOutboxRelayTrigger(producer, triggerUri);
    }

    @Bean
    IdempotencyCache idempotencyCache(StringRedisTemplate redis, @Value("${chat.idempotency.ttl}") Duration ttl) {
        return new RedisIdempotencyCache(redis, ttl);
    }

    @Bean
    OutboxRelayLease outboxRelayLease() {
        return new OutboxRelayLease();
    }

    @Bean(destroyMethod = "stop")
    OutboxBatchPublisher outboxBatchPublisher(CamelContext camel) {
        return new OutboxBatchPublisher(camel);
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc) {
        return new OutboxMetrics(jdbc);
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(new TransactionTemplate(transactionManager));
    }

    @Bean
    SubmitSettings submitSettings(@Value("${chat.prompt.max-chars}") int maxPromptChars,
            @Value("${chat.session.in-flight-timeout}") Duration inFlightTimeout,
            @Value("${chat.context.max-turns}") int maxTurns,
            @Value("${chat.context.max-chars}") int maxChars) {
        return new SubmitSettings(maxPromptChars, inFlightTimeout, new ContextBudget(maxTurns, maxChars));
    }

    @Bean
    SubmittingPrompt submittingPrompt(Sessions sessions, Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            IdempotencyCache cache, Transactions transactions, SubmitSettings settings, Clock clock) {
        return new SubmittingPrompt(sessions, prompts, outbox, relay, cache, transactions, settings, clock);
    }

    @Bean
    CancellingPrompt cancellingPrompt(Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new CancellingPrompt(prompts, outbox, relay, transactions, clock);
    }

    @Bean
    CheckingPromptStatus checkingPromptStatus(Prompts prompts, Sessions sessions) {
        return new CheckingPromptStatus(prompts, sessions);
    }

    @Bean
    RenamingSession renamingSession(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new RenamingSession(sessions, outbox, relay, transactions, clock);
    }

    @Bean
    DeletingSession deletingSession(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new DeletingSession(sessions, outbox, relay, transactions, clock);
    }

    @Bean
    RecordingAnswer recordingAnswer(Sessions sessions, Prompts prompts, Transactions transactions, Clock clock) {
        return new RecordingAnswer(sessions, prompts, transactions, clock);
    }
}
