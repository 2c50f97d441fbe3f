package io.chatstream.gateway.chat.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.chat.application.SendingPrompt;
import io.chatstream.gateway.chat.application.StoppingPrompt;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the chat use cases (sending a prompt, stopping its answer) to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
public class ChatConfiguration {

    @Bean
    SendingPrompt sendingPrompt(ChatCommands commands, SendRateLimits limits) {
        return new SendingPrompt(commands, limits);
    }

    @Bean
    StoppingPrompt stoppingPrompt(ChatCommands commands) {
        return new StoppingPrompt(commands);
    }
}
