package io.chatstream.gateway.chat.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.chat.application.OfferedModels;
import io.chatstream.gateway.chat.application.SelectingVersion;
import io.chatstream.gateway.chat.application.SendingPrompt;
import io.chatstream.gateway.chat.application.StoppingPrompt;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the chat use cases (sending a prompt, stopping its answer) to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfferedModelsSettings.class)
public class ChatConfiguration {

    @Bean
    OfferedModels offeredModels(ChatQueries queries, OfferedModelsSettings settings) {
        // One daemon thread for the catalog's background reads (at most one at a time); deliberately not a
        // bean: an Executor bean would replace Spring Boot's task executor, which runs the HTTP routes.
        Executor refresher = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "model-catalog-read");
            thread.setDaemon(true);
            return thread;
        });
        return new OfferedModels(queries, settings.cacheFor(), Clock.systemUTC(), refresher);
    }

    @Bean
    SendingPrompt sendingPrompt(ChatCommands commands, SendRateLimits limits, OfferedModels models) {
        return new SendingPrompt(commands, limits, models);
    }

    @Bean
    SelectingVersion selectingVersion(ChatCommands commands) {
        return new SelectingVersion(commands);
    }

    @Bean
    StoppingPrompt stoppingPrompt(ChatCommands commands) {
        return new StoppingPrompt(commands);
    }
}
