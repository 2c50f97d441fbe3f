package io.chatstream.query.history.infrastructure;

import io.chatstream.query.history.application.ListingSessions;
import io.chatstream.query.history.application.MessageSearch;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.ReadingSessionMessages;
import io.chatstream.query.history.application.SearchingMessages;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.history.domain.Snippet;
import io.chatstream.query.streaming.application.AnswerStreams;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the history: the session and message views, the message search and the use cases that page through them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
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

    @Bean
    MessageSearch messageSearch(JdbcTemplate jdbc) {
        return new JdbcMessageSearch(jdbc);
    }

    @Bean
    SearchingMessages searchingMessages(MessageSearch search, SearchSettings settings) {
        int maxQueryLength = settings.maxQueryLength();
        int snippetLength = settings.snippetLength();
        if (maxQueryLength < 1) {
            throw new IllegalArgumentException("chat.search.max-query-length=" + maxQueryLength + " must be at least 1");
        }
        if (snippetLength < Snippet.MIN_LENGTH) {
            throw new IllegalArgumentException("chat.search.snippet-length=" + snippetLength + " must be at least "
                    + Snippet.MIN_LENGTH);
        }
        return new SearchingMessages(search, maxQueryLength, snippetLength);
    }
}
