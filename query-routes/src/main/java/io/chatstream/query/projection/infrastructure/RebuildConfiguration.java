package io.chatstream.query.projection.infrastructure;

import io.chatstream.query.projection.application.RebuildingReadModel;
import io.chatstream.query.projection.interfaces.RebuildCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The read-model rebuild command, present only when started for it (profile {@code rebuild}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("chat.query.rebuild.run")
class RebuildConfiguration {

    @Bean(destroyMethod = "close")
    Admin projectionAdmin(@Value("${chat.kafka.brokers}") String brokers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    @Bean
    RebuildCommand rebuildCommand(Admin admin, JdbcTemplate jdbc, TransactionTemplate tx,
            @Value("${chat.topics.prompt-submitted}") String prompts,
            @Value("${chat.topics.answer-completed}") String answers,
            @Value("${chat.topics.session-changed}") String sessions,
            @Value("${chat.query.prompt-group-id}") String promptGroup,
            @Value("${chat.query.answer-group-id}") String answerGroup,
            @Value("${chat.query.session-group-id}") String sessionGroup,
            @Value("${chat.query.rebuild.allow-partial:false}") boolean allowPartial) {
        KafkaProjectionLog log = new KafkaProjectionLog(admin, List.of(prompts, answers, sessions),
                List.of(promptGroup, answerGroup, sessionGroup), Duration.ofSeconds(30));
        return new RebuildCommand(new RebuildingReadModel(new JdbcReadModelStore(jdbc, tx), log), allowPartial);
    }
}
