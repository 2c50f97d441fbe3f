package io.chatstream.support.routes;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Live route reloading that rejects broken edits (see {@link RouteReloadGuard}), auto-configured
 * in every service that has this module.
 */
@AutoConfiguration
public class RouteReloadConfiguration {

    @Bean
    RouteReloadGuard routeReloadGuard() {
        return new RouteReloadGuard();
    }
}
