package io.chatstream.query.projection.infrastructure;

import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.projection.application.ProjectingAnswer;
import io.chatstream.query.projection.application.ProjectingPrompt;
import io.chatstream.query.projection.application.ProjectingSessionChange;
import io.chatstream.query.projection.interfaces.EventProjections;
import io.chatstream.query.streaming.application.OwnershipSignals;
import io.chatstream.query.streaming.application.RequestOwnerships;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the projections: the use cases that turn events into the read model, and what the Kafka routes call. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    ProjectingPrompt projectingPrompt(RequestOwnerships o, MessageViews m, SessionViews s, OwnershipSignals signals) {
        return new ProjectingPrompt(o, m, s, signals);
    }

    @Bean
    ProjectingSessionChange projectingSessionChange(SessionViews s, MessageViews m, RequestOwnerships o) {
        return new ProjectingSessionChange(s, m, o);
    }

    @Bean
    ProjectingAnswer projectingAnswer(RequestOwnerships o, MessageViews m, SessionViews s) {
        return new ProjectingAnswer(o, m, s);
    }

    /** Called by the Kafka projection routes once an event is projected or skipped. */
    @Bean
    ProjectionPositions projectionPositions() {
        return new ProjectionPositions();
    }

    /** Called by the Kafka projection routes. */
    @Bean
    EventProjections eventProjections(ProjectingPrompt p, ProjectingAnswer a, ProjectingSessionChange c,
            Clock clock, PlatformTransactionManager transactions) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new EventProjections(p, a, c, clock, tx);
    }
}
