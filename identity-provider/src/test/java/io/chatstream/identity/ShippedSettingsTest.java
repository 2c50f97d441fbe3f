package io.chatstream.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.identity.account.infrastructure.DemoUserSettings;
import io.chatstream.identity.authorization.infrastructure.ProviderSettings;
import io.chatstream.identity.authorization.infrastructure.WebClientSettings;
import io.chatstream.identity.registration.infrastructure.RegistrationSettings;
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

/** The typed settings bind from the shipped application.yml, so a renamed key there fails here, not at start-up. */
class ShippedSettingsTest {

    @Test
    @DisplayName("every settings record of the identity provider binds from the shipped configuration")
    void bindsTheShippedConfiguration() throws IOException {
        Binder shipped = binder(shipped());

        ProviderSettings provider = shipped.bindOrCreate("chat.idp", ProviderSettings.class);
        assertThat(provider.issuer()).isEqualTo("http://127.0.0.1:8090");
        assertThat(provider.keyFile()).isEqualTo("./.run/identity/signing-keys.json");
        assertThat(provider.audience()).isEqualTo("chatstream");
        assertThat(provider.accessTokenTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(provider.refreshTokenTtl()).isEqualTo(Duration.ofHours(12));
        WebClientSettings client = shipped.bindOrCreate("chat.idp.web-client", WebClientSettings.class);
        assertThat(client.clientId()).isEqualTo("chatstream-web");
        assertThat(client.clientSecret()).isEqualTo("chatstream-web-local-secret");
        assertThat(client.redirectUris()).containsExactly("http://127.0.0.1:8080/login/oauth2/code/chatstream",
                "http://localhost:8080/login/oauth2/code/chatstream");
        assertThat(client.postLogoutRedirectUris()).containsExactly("http://127.0.0.1:8080/", "http://localhost:8080/");
        RegistrationSettings registration = shipped.bindOrCreate("chat.idp.registration", RegistrationSettings.class);
        assertThat(registration.enabled()).isTrue();
        assertThat(registration.minPasswordLength()).isEqualTo(10);
        assertThat(shipped.bindOrCreate("chat.idp", DemoUserSettings.class).demoUsers()).containsExactly(
                new DemoUserSettings.DemoUser("alice", "alice-password"),
                new DemoUserSettings.DemoUser("bob", "bob-password"),
                new DemoUserSettings.DemoUser("carol", "carol-password"));
        assertThat(shipped.bind("server.port", Integer.class).get()).isEqualTo(8090);
        assertThat(shipped.bind("server.servlet.session.cookie.name", String.class).get()).isEqualTo("CHAT_IDP_SESSION");
    }

    @Test
    @DisplayName("production's empty demo user list (--chat.idp.demo-users=) overrides the shipped one")
    void noDemoUsers() throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("command line", Map.of("chat.idp.demo-users", "")));
        sources.addAll(shipped());

        assertThat(binder(sources).bindOrCreate("chat.idp", DemoUserSettings.class).demoUsers()).isEmpty();
    }

    @Test
    @DisplayName("a missing setting fails the binding with the property's name")
    void missingSettingIsNamed() {
        Binder binder = binder(List.of(new MapPropertySource("test", Map.of(
                "chat.idp.issuer", "http://127.0.0.1:8090", "chat.idp.key-file", "keys.json",
                "chat.idp.audience", "chatstream", "chat.idp.access-token-ttl", "10m"))));

        assertThatThrownBy(() -> binder.bindOrCreate("chat.idp", ProviderSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.idp.refresh-token-ttl is not set");
        assertThatThrownBy(() -> binder.bindOrCreate("chat.idp", DemoUserSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.idp.demo-users is not set");
        assertThatThrownBy(() -> binder.bindOrCreate("chat.idp.registration", RegistrationSettings.class))
                .isInstanceOf(BindException.class).hasRootCauseMessage("chat.idp.registration.enabled is not set");
    }

    private static List<PropertySource<?>> shipped() throws IOException {
        return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
    }

    private static Binder binder(List<PropertySource<?>> sources) {
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }
}
