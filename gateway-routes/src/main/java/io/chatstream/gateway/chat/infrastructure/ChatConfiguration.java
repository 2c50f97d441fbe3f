package io.chatstream.gateway.chat.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.chat.application.OfferedModels;
import io.chatstream.gateway.chat.application.SelectingVersion;
import io.chatstream.gateway.chat.application.SendingPrompt;
import io.chatstream.gateway.chat.application.StoppingPrompt;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the chat use cases (sending a prompt, stopping its answer) to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OfferedModelsSettings.class)
public class ChatConfiguration {

    @Bean
    OfferedModels offeredModels(ChatQueries queries, OfferedModelsSettings settings) {
        return new OfferedModels(queries, settings.cacheFor(), Clock.systemUTC());
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
