package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a write signed in by the cookie alone must come from the page's own origin and declare
 * JSON. Each refusal is a JSON error and reaches no service; bearer-header calls are unaffected.
 */
class CrossSiteRequestTest extends GatewayTestSupport {

    private static final String SEND = "{\"prompt\":\"hi\"}";
    private String cookie;

    @BeforeEach
    void signIn() throws Exception {
        HttpResponse<String> r = post("/api/auth/dev-token", "{\"user_id\":\"carol\"}", null);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder cookieSend(String contentType) {
        HttpRequest.Builder b = request("/api/chat/send", null).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(SEND));
        return contentType == null ? b : b.header("Content-Type", contentType);
    }

    @Test
    @DisplayName("a cookie send from another origin, or a sibling subdomain, is 403 CROSS_SITE_REQUEST and reaches no service")
    void otherOrigin() throws Exception {
        int calls = FAKES.calls.get();

        assertThat(errorCode(send(cookieSend("application/json").header("Origin", "https://evil.example")), 403))
                .isEqualTo("CROSS_SITE_REQUEST");
        assertThat(errorCode(send(cookieSend(null).header("Origin", "https://evil.example")), 403))
                .isEqualTo("CROSS_SITE_REQUEST");
        assertThat(errorCode(send(cookieSend("application/json").header("Sec-Fetch-Site", "same-site")), 403))
                .isEqualTo("CROSS_SITE_REQUEST");
        assertThat(errorCode(send(cookieSend("text/plain").header("Sec-Fetch-Site", "cross-site")), 403))
                .isEqualTo("CROSS_SITE_REQUEST");
        assertThat(errorCode(send(cookieSend("application/json").header("Origin", "null")), 403))
                .isEqualTo("CROSS_SITE_REQUEST");
        assertThat(errorCode(send(request("/api/chat/sessions/sess-0001", null).header("Cookie", cookie)
                .header("Origin", "http://localhost.evil.example:" + port).DELETE()), 403))
                .isEqualTo("CROSS_SITE_REQUEST");

        assertThat(FAKES.calls.get()).as("no refused request reached a service").isEqualTo(calls);
    }

    @Test
    @DisplayName("a cookie send without a Content-Type is 415 UNSUPPORTED_MEDIA_TYPE and reaches no service")
    void noContentType() throws Exception {
        int calls = FAKES.calls.get();

        assertThat(errorCode(send(cookieSend(null)), 415)).isEqualTo("UNSUPPORTED_MEDIA_TYPE");

        assertThat(FAKES.calls.get()).isEqualTo(calls);
    }

    @Test
    @DisplayName("the page's own origin, and bearer-header calls from anywhere, still send")
    void ownOriginAndBearer() throws Exception {
        HttpResponse<String> own = send(cookieSend("application/json").header("Origin", "http://127.0.0.1:" + port)
                .header("Sec-Fetch-Site", "same-origin"));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(202);

        HttpResponse<String> plain = send(cookieSend("application/json"));
        assertThat(plain.statusCode()).as("no Origin: not a browser's cross-site request").isEqualTo(202);

        String token = devToken("carol");
        HttpResponse<String> bearer = send(request("/api/chat/send", token).header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(SEND)));
        assertThat(bearer.statusCode()).as(bearer.body()).isEqualTo(202);
    }
}
