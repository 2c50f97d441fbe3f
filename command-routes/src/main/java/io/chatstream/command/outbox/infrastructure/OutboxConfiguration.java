package io.chatstream.command.outbox.infrastructure;

import io.chatstream.command.conversation.application.Outbox;
import io.chatstream.command.conversation.application.OutboxRelayTrigger;
import io.chatstream.support.kafka.KafkaSettings;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the transactional outbox: the table behind the conversation's {@link Outbox} port, the wake-up
 * behind its {@link OutboxRelayTrigger}, and the beans the routes of {@code camel/outbox-relay.camel.yaml}
 * call by name ({@code outboxRelay}, {@code outboxCleanup}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OutboxSettings.class, OutboxTopics.class, KafkaSettings.class})
public class OutboxConfiguration {

    @Bean
    JdbcOutbox outbox(JdbcTemplate jdbc, Clock clock, OutboxTopics topics) {
        return new JdbcOutbox(jdbc, clock, topics.promptSubmitted(), topics.promptCancelled(), topics.sessionChanged());
    }

    /** Called by the route {@code command-outbox-cleanup}. */
    @Bean
    OutboxCleanup outboxCleanup(JdbcOutbox outbox, Clock clock, OutboxSettings settings) {
        return new OutboxCleanup(outbox, clock, settings.keepSent(), settings.cleanupBatchSize());
    }

    @Bean
    OutboxRelayTrigger outboxRelayTrigger(ProducerTemplate producer, OutboxSettings settings) {
        return new CamelOutboxRelayTrigger(producer, settings.triggerUri());
    }

    /** Called by the route {@code command-outbox-relay}; closed (its Kafka producer with it) at shutdown. */
    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, OutboxSettings settings, KafkaSettings kafka) {
        return new OutboxRelay(jdbc, settings, kafka.clientProperties());
    }

    @Bean
    OutboxMetrics outboxMetrics(JdbcTemplate jdbc) {
        return new OutboxMetrics(jdbc);
    }
}
