package io.chatstream.query.history.infrastructure;

import io.chatstream.query.history.application.ListingSessions;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.ReadingSessionMessages;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.streaming.application.AnswerStreams;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the history: the session and message views and the use cases that page through them. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

    @Bean
    MessageViews messageViews(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcMessageViews(jdbc, tx);
    }

    @Bean
    SessionViews sessionViews(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcSessionViews(jdbc, tx);
    }

    @Bean
    ReadingSessionMessages readingSessionMessages(SessionViews s, MessageViews m, AnswerStreams streams) {
        return new ReadingSessionMessages(s, m, streams);
    }

    @Bean
    ListingSessions listingSessions(SessionViews s) {
        return new ListingSessions(s);
    }
}
