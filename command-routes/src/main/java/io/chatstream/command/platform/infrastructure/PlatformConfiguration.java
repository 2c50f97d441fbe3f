package io.chatstream.command.platform.infrastructure;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Service-wide technical beans that belong to no one concept: the clock every concept reads the time from. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /**
     * UTC, ticking in whole microseconds: MariaDB's DATETIME(6) keeps microseconds, so every instant the service
     * decides on is already what the database stores and what a later read returns (events and rows agree).
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
