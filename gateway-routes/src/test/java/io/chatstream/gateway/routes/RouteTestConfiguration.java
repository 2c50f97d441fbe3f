package io.chatstream.gateway.routes;

import static org.mockito.Mockito.mock;

import io.chatstream.gateway.api.interfaces.http.AuthApi;
import io.chatstream.gateway.api.interfaces.http.ChatApi;
import io.chatstream.gateway.api.interfaces.http.ErrorReplies;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.chat.infrastructure.ChatConfiguration;
import io.chatstream.gateway.history.infrastructure.HistoryConfiguration;
import io.chatstream.gateway.identity.application.AccessTokens;
import io.chatstream.gateway.identity.application.IssuingDevToken;
import io.chatstream.gateway.identity.application.IdentityProvider;
import io.chatstream.gateway.identity.application.SignInCookies;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Duration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The gateway as its routes see it, and nothing more: Camel (no web server, no Spring Security chain,
 * no gRPC channels, no Redis), the beans the routes call ({@code chatApi}, {@code authApi},
 * {@code errorReplies}) with the real use cases behind them, and Mockito doubles for the ports that
 * would reach the command and query services, Redis or the JWT key.
 */
// Deliberately not a @Configuration (nor @TestConfiguration, which would pull in GatewayApplication): the
// full-application tests' component scan must not find these beans, and @SpringBootTest takes it as the whole setup.
@ImportAutoConfiguration(CamelAutoConfiguration.class)
@Import({ChatApi.class, AuthApi.class, ErrorReplies.class, ChatConfiguration.class, HistoryConfiguration.class})
class RouteTestConfiguration {

    @Bean
    ChatCommands chatCommands() {
        return mock(ChatCommands.class);
    }

    @Bean
    ChatQueries chatQueries() {
        return mock(ChatQueries.class);
    }

    @Bean
    SendRateLimits sendRateLimits() {
        return mock(SendRateLimits.class);
    }

    @Bean
    AccessTokens accessTokens() {
        return mock(AccessTokens.class);
    }

    /** As SecurityConfiguration wires it, from the same properties. */
    @Bean
    IssuingDevToken issuingDevToken(AccessTokens tokens, @Value("${chat.auth.dev-token-enabled}") boolean enabled) {
        return new IssuingDevToken(tokens, enabled);
    }

    @Bean
    SignInCookies signInCookies(@Value("${chat.auth.cookie-name}") String name, @Value("${chat.auth.token-ttl}") Duration ttl,
            @Value("${chat.auth.cookie-secure}") String secureWhen) {
        return new SignInCookies(name, ttl, secureWhen);
    }

    /** The provider the refresh and logout routes call; a mock, so a test decides what it answers. */
    @Bean
    IdentityProvider identityProvider() {
        return mock(IdentityProvider.class);
    }
}
