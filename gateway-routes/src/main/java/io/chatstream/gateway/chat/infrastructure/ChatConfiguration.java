package io.chatstream.gateway.chat.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.chat.application.OfferedModels;
import io.chatstream.gateway.chat.application.SelectingVersion;
import io.chatstream.gateway.chat.application.SendingPrompt;
import io.chatstream.gateway.chat.application.StoppingPrompt;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the chat use cases (sending a prompt, stopping its answer) to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
public class ChatConfiguration {

    @Bean
    OfferedModels offeredModels(ChatQueries queries, @Value("${chat.models.cache-for:5s}") Duration cacheFor) {
        return new OfferedModels(queries, cacheFor, Clock.systemUTC());
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
