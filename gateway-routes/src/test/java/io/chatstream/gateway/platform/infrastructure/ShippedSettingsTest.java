package io.chatstream.gateway.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.gateway.api.infrastructure.HttpSettings;
import io.chatstream.gateway.backend.infrastructure.CommandServiceSettings;
import io.chatstream.gateway.backend.infrastructure.GatewayIdentitySettings;
import io.chatstream.gateway.backend.infrastructure.GrpcSettings;
import io.chatstream.gateway.backend.infrastructure.QueryServiceSettings;
import io.chatstream.gateway.chat.infrastructure.OfferedModelsSettings;
import io.chatstream.gateway.history.infrastructure.SearchSettings;
import io.chatstream.gateway.identity.infrastructure.AuthSettings;
import io.chatstream.gateway.ratelimit.infrastructure.RateLimitSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/** The typed settings bind from the shipped application.yml, so a renamed key there fails here, not at start-up. */
class ShippedSettingsTest {

    @Test
    @DisplayName("the SSE, HTTP and Tomcat settings bind from the shipped application.yml")
    void bindsTheEdge() throws IOException {
        Binder shipped = binder("application.yml");

        SseSettings sse = shipped.bindOrCreate("chat.sse", SseSettings.class);
        assertThat(sse.maxDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sse.confirmUnknownRequests()).isTrue();
        assertThat(sse.maxQueuedEvents()).isEqualTo(256);
        assertThat(sse.stallTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(sse.writerThreads()).isEqualTo(16);
        assertThat(sse.maxStreamsPerUser()).isEqualTo(20);
        assertThat(sse.maxStreamsPerAddress()).isEqualTo(200);
        assertThat(sse.resume().maxAttempts()).isEqualTo(5);
        assertThat(sse.resume().initialBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(sse.resume().maxBackoff()).isEqualTo(Duration.ofSeconds(1));
        HttpSettings http = shipped.bindOrCreate("chat.http", HttpSettings.class);
        assertThat(http.maxBodyBytes()).isEqualTo(262144L);
        assertThat(http.maxHeaderBytes()).isEqualTo(8192L);
        assertThat(http.csrf().allowedOrigins()).isEmpty();
        assertThat(http.startup().retryAfter()).isEqualTo(Duration.ofSeconds(2));
        TomcatSettings tomcat = shipped.bindOrCreate("chat.tomcat", TomcatSettings.class);
        assertThat(tomcat.socketReadBuffer()).isEqualTo(DataSize.ofKilobytes(2));
        assertThat(tomcat.responseBuffer()).isEqualTo(DataSize.ofKilobytes(2));
    }

    @Test
    @DisplayName("the backend, chat, history and rate limit settings bind from the shipped application.yml")
    void bindsTheUseCases() throws IOException {
        Binder shipped = binder("application.yml");

        GrpcSettings grpc = shipped.bindOrCreate("chat.grpc", GrpcSettings.class);
        assertThat(grpc.deadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(grpc.loadBalancingPolicy()).isEqualTo("round_robin");
        assertThat(grpc.retry().maxAttempts()).isEqualTo(3);
        assertThat(shipped.bindOrCreate("chat.command", CommandServiceSettings.class).grpcTarget())
                .isEqualTo("127.0.0.1:9091");
        assertThat(shipped.bindOrCreate("chat.query", QueryServiceSettings.class).grpcTarget())
                .isEqualTo("127.0.0.1:9093");
        assertThat(shipped.bindOrCreate("chat.models", OfferedModelsSettings.class).cacheFor())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(shipped.bindOrCreate("chat.search", SearchSettings.class).maxQueryLength()).isEqualTo(100);
        RateLimitSettings rateLimit = shipped.bindOrCreate("chat.rate-limit", RateLimitSettings.class);
        assertThat(rateLimit.enabled()).isTrue();
        assertThat(rateLimit.capacity()).isEqualTo(20L);
        assertThat(rateLimit.refillTokens()).isEqualTo(20L);
        assertThat(rateLimit.refillPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(rateLimit.redisTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(rateLimit.localMaxUsers()).isEqualTo(100000);
    }

    @Test
    @DisplayName("the sign-in settings bind from the shipped application.yml: no provider, no HS256 key, no dev tokens")
    void bindsSignIn() throws IOException {
        AuthSettings auth = binder("application.yml").bindOrCreate("chat.auth", AuthSettings.class);
        assertThat(auth.jwtSecret()).isNullOrEmpty();
        assertThat(auth.devTokenEnabled()).isFalse();
        assertThat(auth.audience()).isEqualTo("chatstream");
        assertThat(auth.oidc().issuerUri()).isEmpty();
        assertThat(auth.oidc().jwsAlgorithms()).containsExactly("RS256", "ES256");
        assertThat(auth.oidc().tokenTypes()).containsExactly("at+jwt", "application/at+jwt");
        assertThat(auth.oidc().renewEvery()).isEqualTo(Duration.ofMinutes(4));
        assertThat(auth.toString()).doesNotContain("secret=");
        AuthSettings local = binder("application-local.yml", "application.yml").bindOrCreate("chat.auth", AuthSettings.class);
        assertThat(local.devTokenEnabled()).isTrue();
        assertThat(local.jwtSecret()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    @DisplayName("service identity: the shipped yml has no gateway key, so start-up names the missing setting")
    void serviceIdentityNeedsAKey() throws IOException {
        assertThatThrownBy(() -> binder("application.yml").bindOrCreate("chat.service-identity", GatewayIdentitySettings.class))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("chat.service-identity.command-key is not set");
        Binder given = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "chat.service-identity.command-key", "classpath:service-identity/test-command.key",
                "chat.service-identity.query-key", "classpath:service-identity/test-query.key",
                "chat.service-identity.token-ttl", "60s"))));
        GatewayIdentitySettings identity = given.bindOrCreate("chat.service-identity", GatewayIdentitySettings.class);
        assertThat(identity.commandKey().exists()).isTrue();
        assertThat(identity.queryKey().exists()).isTrue();
        assertThat(identity.tokenTtl()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("allowed origins are comma-separated, as ops write them on the command line")
    void allowedOriginsList() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "chat.http.max-body-bytes", "1", "chat.http.max-header-bytes", "1",
                "chat.http.startup.retry-after", "2s",
                "chat.http.csrf.allowed-origins", "https://a.example, https://b.example"))));

        assertThat(binder.bindOrCreate("chat.http", HttpSettings.class).csrf().allowedOrigins())
                .containsExactlyInAnyOrder("https://a.example", "https://b.example");
    }

    @Test
    @DisplayName("a missing setting fails the binding with the property's name")
    void missingSettingIsNamed() {
        Binder binder = new Binder(ConfigurationPropertySources.from(new MapPropertySource("test", Map.of(
                "chat.grpc.deadline", "5s", "chat.grpc.load-balancing-policy", "round_robin",
                "chat.grpc.retry.max-attempts", "3", "chat.grpc.retry.initial-backoff", "100ms"))));

        assertThatThrownBy(() -> binder.bindOrCreate("chat.grpc", GrpcSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.grpc.retry.max-backoff is not set");
    }

    private static Binder binder(String... files) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        for (String file : files) {
            sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
