package io.chatstream.gateway.history.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.history.application.DeletingSession;
import io.chatstream.gateway.history.application.ListingSessions;
import io.chatstream.gateway.history.application.ReadingSessionMessages;
import io.chatstream.gateway.history.application.RenamingSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the history use cases (listing, reading, renaming and deleting sessions) to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
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
    RenamingSession renamingSession(ChatCommands commands) {
        return new RenamingSession(commands);
    }

    @Bean
    DeletingSession deletingSession(ChatCommands commands) {
        return new DeletingSession(commands);
    }
}
