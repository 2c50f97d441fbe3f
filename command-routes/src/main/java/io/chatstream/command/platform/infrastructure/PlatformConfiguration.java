package io.chatstream.command.platform.infrastructure;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide technical beans that belong to no one concept: the clock every concept reads the time from. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
