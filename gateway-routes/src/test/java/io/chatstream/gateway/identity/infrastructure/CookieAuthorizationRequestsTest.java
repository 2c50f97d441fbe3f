package io.chatstream.gateway.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.identity.application.SignInCookies;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

class CookieAuthorizationRequestsTest {

    private final CookieSecurity security = new CookieSecurity(new SignInCookies("chat_token", Duration.ofHours(1), "auto"));
    private final CookieAuthorizationRequests requests = new CookieAuthorizationRequests("a-client-secret-1234", security);
    private final OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
            .authorizationUri("https://id.example/oauth2/authorize").clientId("web")
            .redirectUri("http://127.0.0.1:8080/login/oauth2/code/chatstream").scopes(Set.of("openid", "profile"))
            .state("the-state").additionalParameters(Map.of("code_challenge", "cc", "code_challenge_method", "S256"))
            .attributes(Map.of("registration_id", "chatstream", "code_verifier", "cv", "nonce", "n"))
            .authorizationRequestUri("https://id.example/oauth2/authorize?x=y").build();

    @Test
    @DisplayName("the request survives the round trip through a Lax, HttpOnly cookie and is found by its state")
    void roundTrip() {
        MockHttpServletResponse saved = new MockHttpServletResponse();
        requests.saveAuthorizationRequest(request, new MockHttpServletRequest(), saved);
        String setCookie = saved.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("chat_sign_in=").contains("HttpOnly", "SameSite=Lax", "Max-Age=600");

        MockHttpServletRequest callback = callback(setCookie, "the-state");
        OAuth2AuthorizationRequest loaded = requests.loadAuthorizationRequest(callback);
        assertThat(loaded).isNotNull();
        assertThat(loaded.getAttributes()).containsEntry("code_verifier", "cv").containsEntry("nonce", "n");
        assertThat(loaded.getAdditionalParameters()).containsEntry("code_challenge", "cc");
        assertThat(loaded.getRedirectUri()).isEqualTo(request.getRedirectUri());
        assertThat(loaded.getScopes()).containsExactlyInAnyOrder("openid", "profile");

        MockHttpServletResponse removed = new MockHttpServletResponse();
        assertThat(requests.removeAuthorizationRequest(callback, removed)).isNotNull();
        assertThat(removed.getHeader("Set-Cookie")).contains("Max-Age=0");
    }

    @Test
    @DisplayName("another state, a tampered cookie or another secret's signature finds nothing")
    void refusesForgeries() {
        MockHttpServletResponse saved = new MockHttpServletResponse();
        requests.saveAuthorizationRequest(request, new MockHttpServletRequest(), saved);
        String setCookie = saved.getHeader("Set-Cookie");

        assertThat(requests.loadAuthorizationRequest(callback(setCookie, "other-state"))).isNull();
        String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        String tampered = "chat_sign_in=" + (value.charAt(0) == 'A' ? 'B' : 'A') + value.substring(1) + ";";
        assertThat(requests.loadAuthorizationRequest(callback(tampered, "the-state"))).isNull();
        assertThat(new CookieAuthorizationRequests("another-secret-12345", security)
                .loadAuthorizationRequest(callback(setCookie, "the-state"))).isNull();
        assertThat(requests.loadAuthorizationRequest(callback("chat_sign_in=garbage;", "the-state"))).isNull();
    }

    @Test
    @DisplayName("over TLS the cookie is Secure and __Host- prefixed")
    void overTls() {
        MockHttpServletRequest https = new MockHttpServletRequest();
        https.setSecure(true);
        MockHttpServletResponse saved = new MockHttpServletResponse();
        requests.saveAuthorizationRequest(request, https, saved);
        assertThat(saved.getHeader("Set-Cookie")).startsWith("__Host-chat_sign_in=").contains("Secure");
    }

    private static MockHttpServletRequest callback(String setCookie, String state) {
        String pair = setCookie.substring(0, setCookie.indexOf(';'));
        MockHttpServletRequest callback = new MockHttpServletRequest("GET", "/login/oauth2/code/chatstream");
        callback.setCookies(new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1)));
        callback.setParameter("state", state);
        return callback;
    }
}
