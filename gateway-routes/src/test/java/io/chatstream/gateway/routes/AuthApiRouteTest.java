package io.chatstream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.domain.UserId;
import io.chatstream.gateway.identity.application.IdentityProvider;
import io.chatstream.gateway.identity.application.SignInTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code camel/auth-api.camel.yaml}: {@code POST /api/auth/dev-token} reaches the flow route
 * {@code gateway-dev-token}, whose {@code authApi} call answers the token both in the body and as the HttpOnly,
 * SameSite=Strict cookie the page's EventSource relies on, and refuses a bad user name before minting anything.
 */
@DisplayName("auth-api.camel.yaml: sign-in options, development sign-in, renewal and sign-out")
class AuthApiRouteTest extends GatewayRouteTestSupport {

    @Test
    @DisplayName("POST /api/auth/dev-token is served by the route gateway-dev-token, under the shared HTTP error handling")
    void pathAndRoute() {
        assertThat(served()).containsEntry("gateway-dev-token", "POST /api/auth/dev-token");
        assertThat(model().getRouteDefinition("gateway-dev-token").getRouteConfigurationId()).isEqualTo(ERROR_HANDLING);
    }

    @Test
    @DisplayName("a well-formed user name gets 200 {token} and the token as an HttpOnly, SameSite=Strict cookie, not cached")
    void issuesToken() {
        when(tokens.mint(any())).thenReturn("header.payload.signature");

        ApiReply reply = call(ApiRequest.post("/api/auth/dev-token", "{\"user_id\":\"alice\"}"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json(), "{\"token\":\"header.payload.signature\"}");
        // chat.auth.cookie-name and token-ttl (12h) from application.yml; Secure only over HTTPS (cookie-secure: auto).
        assertThat(reply.header("Set-Cookie")).asInstanceOf(LIST).first().asString().startsWith("chat_token=header.payload.signature;")
                .contains("; Path=/", "; Max-Age=43200", "; HttpOnly", "; SameSite=Strict").doesNotContain("Secure");
        // A development sign-in has no refresh or ID token: any left from a provider sign-in are cleared.
        assertThat(reply.header("Set-Cookie")).asInstanceOf(LIST).map(Object::toString)
                .anyMatch(c -> c.startsWith("chat_token_refresh=;") && c.contains("Max-Age=0"))
                .anyMatch(c -> c.startsWith("chat_token_id=;") && c.contains("Max-Age=0"));
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.headers()).doesNotContainKey("Authorization");
        verify(tokens).mint(new UserId("alice"));
    }

    @Test
    @DisplayName("a malformed user name is 400 INVALID_USER_ID, without a token or a cookie")
    void refusesBadUser() {
        ApiReply reply = call(ApiRequest.post("/api/auth/dev-token", "{\"user_id\":\"not a user\"}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("INVALID_USER_ID");
        assertThat(reply.headers()).doesNotContainKey("Set-Cookie");
        verifyNoInteractions(tokens);
    }

    @Test
    @DisplayName("a body that is not JSON is 400 MALFORMED_JSON; a user_id that is not a string is 400 INVALID_FIELD")
    void refusesBadBody() {
        assertThat(call(ApiRequest.post("/api/auth/dev-token", "user_id=alice")))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("MALFORMED_JSON"));
        assertThat(call(ApiRequest.post("/api/auth/dev-token", "{\"user_id\":42}")))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(r.errorCode()).isEqualTo("INVALID_FIELD"));
        verifyNoInteractions(tokens);
    }

    @Test
    @DisplayName("GET /api/auth/options says which sign-ins exist: the provider's start path and the renewal period")
    void options() throws Exception {
        when(provider.configured()).thenReturn(true);
        when(provider.renewEvery()).thenReturn(Optional.of(Duration.ofMinutes(4)));

        ApiReply reply = call(ApiRequest.get("/api/auth/options"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(served()).containsEntry("gateway-auth-options", "GET /api/auth/options");
        assertJson(reply.json(), "{\"provider_sign_in\":\"/oauth2/authorization/chatstream\",\"dev_sign_in\":true,"
                + "\"renew_every_seconds\":240}");
    }

    @Test
    @DisplayName("refresh: the refresh cookie buys new cookies; the provider's ID token is kept when it sends none")
    void refreshRenews() throws Exception {
        when(provider.renew("old-refresh")).thenReturn(Optional.of(
                new SignInTokens("new-access", Optional.of("new-refresh"), Optional.empty())));

        ApiReply reply = call(ApiRequest.post("/api/auth/refresh", "{}")
                .withHeader("Cookie", "chat_token=expired; chat_token_refresh=old-refresh; chat_token_id=the-id-token"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Set-Cookie")).asInstanceOf(LIST).map(Object::toString)
                .anyMatch(c -> c.startsWith("chat_token=new-access;"))
                .anyMatch(c -> c.startsWith("chat_token_refresh=new-refresh;"))
                .anyMatch(c -> c.startsWith("chat_token_id=the-id-token;"));
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    @DisplayName("refresh: no refresh cookie, or a refused one, is 401 UNAUTHENTICATED; a refused one clears the cookies")
    void refreshRefused() throws Exception {
        assertThat(call(ApiRequest.post("/api/auth/refresh", "{}")).errorCode()).isEqualTo("UNAUTHENTICATED");
        when(provider.renew("revoked")).thenReturn(Optional.empty());

        ApiReply reply = call(ApiRequest.post("/api/auth/refresh", "{}").withHeader("Cookie", "chat_token_refresh=revoked"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.header("Set-Cookie")).asInstanceOf(LIST).map(Object::toString)
                .allMatch(c -> c.contains("Max-Age=0"));
    }

    @Test
    @DisplayName("refresh: an unreachable provider is 503 DEPENDENCY_UNAVAILABLE with Retry-After; the cookies stay")
    void refreshProviderDown() throws Exception {
        when(provider.renew("r")).thenThrow(new IdentityProvider.ProviderUnavailableException("down", null));

        ApiReply reply = call(ApiRequest.post("/api/auth/refresh", "{}").withHeader("Cookie", "chat_token_refresh=r"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(reply.headers()).doesNotContainKey("Set-Cookie");
    }

    @Test
    @DisplayName("logout: revokes the refresh token, clears every cookie and names the provider's end-session address")
    void logout() throws Exception {
        when(provider.configured()).thenReturn(true);
        when(provider.endSessionUrl(Optional.of("the-id-token"), "/")).thenReturn(Optional.of("https://id.example/logout"));

        ApiReply reply = call(ApiRequest.post("/api/auth/logout", "{}")
                .withHeader("Cookie", "chat_token=a; chat_token_refresh=the-refresh; chat_token_id=the-id-token"));

        assertThat(reply.status()).isEqualTo(200);
        assertJson(reply.json(), "{\"end_session_url\":\"https://id.example/logout\"}");
        verify(provider).revoke("the-refresh");
        assertThat(reply.header("Set-Cookie")).asInstanceOf(LIST).hasSize(3).map(Object::toString)
                .allMatch(c -> c.contains("Max-Age=0"));
    }
}
