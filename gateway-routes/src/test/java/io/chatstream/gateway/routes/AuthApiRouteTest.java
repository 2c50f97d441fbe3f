package io.chatstream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.chatstream.domain.UserId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code camel/auth-api.camel.yaml}: {@code POST /api/auth/dev-token} reaches the flow route
 * {@code gateway-dev-token}, whose {@code authApi} call answers the token both in the body and as the HttpOnly,
 * SameSite=Strict cookie the page's EventSource relies on, and refuses a bad user name before minting anything.
 */
@DisplayName("auth-api.camel.yaml: development sign-in")
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
        assertThat(reply.header("Set-Cookie")).asString().startsWith("chat_token=header.payload.signature;")
                .contains("; Path=/", "; Max-Age=43200", "; HttpOnly", "; SameSite=Strict").doesNotContain("Secure");
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
}
