package io.chatstream.command.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Live route reloading that rejects broken edits (see {@link RouteReloadGuard}). */
@Configuration(proxyBeanMethods = false)
public class RouteReloadConfiguration {

    @Bean
    RouteReloadGuard routeReloadGuard() {
        return new RouteReloadGuard();
    }
}
