package io.chatstream.gateway.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SignInCookiesTest {

    private final SignInCookies cookies = new SignInCookies("chat_token", Duration.ofHours(12), "auto");
    private final SignInTokens all = new SignInTokens("acc", Optional.of("ref"), Optional.of("idt"));

    @Test
    @DisplayName("over plain HTTP: three HttpOnly, SameSite=Strict cookies on Path=/, not Secure, named plainly")
    void plain() {
        assertThat(cookies.store(all, false)).containsExactly(
                "chat_token=acc; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict",
                "chat_token_refresh=ref; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict",
                "chat_token_id=idt; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
    }

    @Test
    @DisplayName("over TLS: Secure and the __Host- prefix, which a sibling subdomain cannot set")
    void hostPrefixed() {
        assertThat(cookies.store(all, true)).allSatisfy(c -> assertThat(c).startsWith("__Host-chat_token")
                .endsWith("; Secure").contains("; Path=/;").doesNotContain("Domain"));
    }

    @Test
    @DisplayName("a token the sign-in lacks clears its cookie; clearing removes both names of every kind")
    void clearing() {
        assertThat(cookies.store(SignInTokens.accessOnly("acc"), false))
                .contains("chat_token_refresh=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        assertThat(cookies.clear(true)).hasSize(6).allSatisfy(c -> assertThat(c).contains("Max-Age=0"))
                .anyMatch(c -> c.startsWith("__Host-chat_token_id=;")).anyMatch(c -> c.startsWith("chat_token_id=;"));
    }

    @Test
    @DisplayName("reading prefers the __Host- cookie, ignores empty ones and falls back to the plain name")
    void reading() {
        Map<String, String> sent = Map.of("__Host-chat_token", "secure-one", "chat_token", "plain-one",
                "chat_token_refresh", "");
        assertThat(cookies.read(SignInCookies.Kind.ACCESS, sent::get)).contains("secure-one");
        assertThat(cookies.read(SignInCookies.Kind.REFRESH, sent::get)).isEmpty();
        assertThat(cookies.read(SignInCookies.Kind.ID, Map.of("chat_token_id", "i")::get)).contains("i");
    }

    @Test
    @DisplayName("cookie-secure: always and never override the request; auto follows it")
    void secureWhen() {
        assertThat(new SignInCookies("c", Duration.ZERO, "always").secure(() -> false)).isTrue();
        assertThat(new SignInCookies("c", Duration.ZERO, "never").secure(() -> true)).isFalse();
        assertThat(cookies.secure(() -> true)).isTrue();
        assertThat(cookies.secure(() -> false)).isFalse();
    }
}
