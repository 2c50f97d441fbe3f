package io.chatstream.gateway.history.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.history.application.DeletingSession;
import io.chatstream.gateway.history.application.ListingSessions;
import io.chatstream.gateway.history.application.ReadingSessionMessages;
import io.chatstream.gateway.history.application.ChangingSession;
import io.chatstream.gateway.history.application.RenamingSession;
import io.chatstream.gateway.history.application.SearchingMessages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the history use cases (listing, reading, searching, renaming and deleting) to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchSettings.class)
public class HistoryConfiguration {

    @Bean
    ListingSessions listingSessions(ChatQueries queries) {
        return new ListingSessions(queries);
    }

    @Bean
    ReadingSessionMessages readingSessionMessages(ChatQueries queries) {
        return new ReadingSessionMessages(queries);
    }

    @Bean
    SearchingMessages searchingMessages(ChatQueries queries, SearchSettings settings) {
        int maxQueryLength = settings.maxQueryLength();
        if (maxQueryLength < 1) {
            throw new IllegalArgumentException("chat.search.max-query-length=" + maxQueryLength + " must be at least 1");
        }
        return new SearchingMessages(queries, maxQueryLength);
    }

    @Bean
    RenamingSession renamingSession(ChatCommands commands) {
        return new RenamingSession(commands);
    }

    @Bean
    ChangingSession changingSession(RenamingSession renaming, ChatCommands commands) {
        return new ChangingSession(renaming, commands);
    }

    @Bean
    DeletingSession deletingSession(ChatCommands commands) {
        return new DeletingSession(commands);
    }
}
