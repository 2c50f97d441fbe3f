package io.chatstream.command.outbox.infrastructure;

import io.chatstream.command.conversation.application.Outbox;
import io.chatstream.command.conversation.application.OutboxRelayTrigger;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the transactional outbox: the table behind the conversation's {@link Outbox} port, the wake-up
 * behind its {@link OutboxRelayTrigger}, and the beans the relay route ({@code camel/outbox-relay.camel.yaml})
 * calls by name ({@code outboxRelayLease}, {@code outboxBatchPublisher}).
 */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    JdbcOutbox outbox(JdbcTemplate jdbc, Clock clock,
            @Value("${chat.topics.prompt-submitted}") String submittedTopic,
            @Value("${chat.topics.prompt-cancelled}") String cancelledTopic,
            @Value("${chat.topics.session-changed}") String sessionChangedTopic) {
        return new JdbcOutbox(jdbc, clock, submittedTopic, cancelledTopic, sessionChangedTopic);
    }

    /** Called by the route {@code command-outbox-cleanup} ({@code camel/outbox-relay.camel.yaml}). */
    @Bean
    OutboxCleanup outboxCleanup(JdbcOutbox outbox, Clock clock, @Value("${chat.outbox.keep-sent}") Duration keepSent,
            @Value("${chat.outbox.cleanup-batch-size}") int batchSize) {
        return new OutboxCleanup(outbox, clock, keepSent, batchSize);
    }

    @Bean
    OutboxRelayTrigger outboxRelayTrigger(ProducerTemplate producer,
            @Value("${chat.outbox.trigger-uri}") String triggerUri) {
        return new CamelOutboxRelayTrigger(producer, triggerUri);
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
}
