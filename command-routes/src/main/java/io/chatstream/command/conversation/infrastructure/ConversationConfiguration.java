package io.chatstream.command.conversation.infrastructure;

import io.chatstream.command.conversation.domain.DailyTokens;
import io.chatstream.command.conversation.application.CancellingPrompt;
import io.chatstream.command.conversation.application.CheckingPromptStatus;
import io.chatstream.command.conversation.application.DeletingSession;
import io.chatstream.command.conversation.application.IdempotencyCache;
import io.chatstream.command.conversation.application.Outbox;
import io.chatstream.command.conversation.application.OutboxRelayTrigger;
import io.chatstream.command.conversation.application.RecordingAnswer;
import io.chatstream.command.conversation.application.ApplyingSuggestedTitle;
import io.chatstream.command.conversation.application.PinningSession;
import io.chatstream.command.conversation.application.RenamingSession;
import io.chatstream.command.conversation.application.SelectingVersion;
import io.chatstream.command.conversation.application.SubmitSettings;
import io.chatstream.command.conversation.application.SubmittingPrompt;
import io.chatstream.command.conversation.application.Transactions;
import io.chatstream.command.conversation.domain.ContextBudget;
import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.Sessions;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the conversation's use cases to their adapters. The {@code Outbox} and {@code OutboxRelayTrigger} they
 * need come from the outbox concept ({@code OutboxConfiguration}), the {@code Clock} from the platform.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PromptSettings.class, SessionSettings.class, ContextSettings.class, QuotaSettings.class,
        IdempotencySettings.class})
public class ConversationConfiguration {

    @Bean
    Sessions sessions(JdbcTemplate jdbc, Clock clock) {
        return new JdbcSessions(jdbc, clock);
    }

    @Bean
    Prompts prompts(JdbcTemplate jdbc) {
        return new JdbcPrompts(jdbc);
    }

    @Bean
    DailyTokens dailyTokens(JdbcTemplate jdbc) {
        return new JdbcDailyTokens(jdbc);
    }

    @Bean
    IdempotencyCache idempotencyCache(StringRedisTemplate redis, IdempotencySettings idempotency) {
        return new RedisIdempotencyCache(redis, idempotency.ttl());
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(new TransactionTemplate(transactionManager));
    }

    @Bean
    SubmitSettings submitSettings(PromptSettings prompt, SessionSettings session, ContextSettings context,
            QuotaSettings quota) {
        return new SubmitSettings(prompt.maxChars(), session.inFlightTimeout(),
                new ContextBudget(context.maxTurns(), context.maxChars()), quota.dailyTokens(),
                quota.maxSessionsPerUser());
    }

    @Bean
    SubmittingPrompt submittingPrompt(Sessions sessions, Prompts prompts, DailyTokens dailyTokens, Outbox outbox,
            OutboxRelayTrigger relay, IdempotencyCache cache, Transactions transactions, SubmitSettings settings,
            Clock clock) {
        return new SubmittingPrompt(sessions, prompts, dailyTokens, outbox, relay, cache, transactions, settings,
                clock);
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
    ApplyingSuggestedTitle applyingSuggestedTitle(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new ApplyingSuggestedTitle(sessions, outbox, relay, transactions, clock);
    }

    @Bean
    RenamingSession renamingSession(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new RenamingSession(sessions, outbox, relay, transactions, clock);
    }

    @Bean
    PinningSession pinningSession(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new PinningSession(sessions, outbox, relay, transactions, clock);
    }

    @Bean
    SelectingVersion selectingVersion(Sessions sessions, Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, SubmitSettings settings, Clock clock) {
        return new SelectingVersion(sessions, prompts, outbox, relay, transactions, settings, clock);
    }

    @Bean
    DeletingSession deletingSession(Sessions sessions, Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        return new DeletingSession(sessions, prompts, outbox, relay, transactions, clock);
    }

    @Bean
    RecordingAnswer recordingAnswer(Sessions sessions, Prompts prompts, DailyTokens dailyTokens,
            Transactions transactions, Clock clock) {
        return new RecordingAnswer(sessions, prompts, dailyTokens, transactions, clock);
    }
}
