package io.chatstream.query.projection.infrastructure;

import io.chatstream.query.projection.application.RebuildingReadModel;
import io.chatstream.query.projection.interfaces.RebuildCommand;
import io.chatstream.support.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The read-model rebuild command, present only when started for it (profile {@code rebuild}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("chat.query.rebuild.run")
@EnableConfigurationProperties({KafkaSettings.class, TopicSettings.class, ProjectionSettings.class})
class RebuildConfiguration {

    @Bean(destroyMethod = "close")
    Admin projectionAdmin(KafkaSettings kafka) {
        return Admin.create(kafka.clientProperties());
    }

    @Bean
    RebuildCommand rebuildCommand(Admin admin, JdbcTemplate jdbc, TransactionTemplate tx, TopicSettings topics,
            ProjectionSettings projections) {
        KafkaProjectionLog log = new KafkaProjectionLog(admin,
                List.of(topics.promptSubmitted(), topics.answerCompleted(), topics.sessionChanged()),
                List.of(projections.promptGroupId(), projections.answerGroupId(), projections.sessionGroupId()),
                Duration.ofSeconds(30));
        return new RebuildCommand(new RebuildingReadModel(new JdbcReadModelStore(jdbc, tx), log),
                projections.rebuild().allowPartial());
    }
}
