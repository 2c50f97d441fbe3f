package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.identity.application.IssuingDevToken;
import io.chatstream.gateway.identity.application.SignInCookie;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Development sign-in for {@code camel/auth-api.camel.yaml}: returns the token and also sets it as an
 * HttpOnly, SameSite=Strict cookie, so the page's EventSource is authenticated without tokens in URLs.
 */
@Component("authApi")
public class AuthApi {

    private final IssuingDevToken issuing;
    private final SignInCookie cookie;

    public AuthApi(IssuingDevToken issuing, SignInCookie cookie) {
        this.issuing = issuing;
        this.cookie = cookie;
    }

    public void devToken(Exchange exchange) {
        boolean secure = secure(exchange);
        Outcome<String> token = RequestFields.of(exchange.getIn().getBody(String.class))
                .then(f -> f.text("user_id"))
                .then(issuing::issue);
        HttpReplies.reply(exchange, 200, token, t -> Map.of("token", t));
        if (token instanceof Outcome.Done<String> done) {
            exchange.getMessage().setHeader("Set-Cookie", ResponseCookie.from(cookie.name(), done.value())
                    .httpOnly(true).secure(secure).sameSite("Strict").path("/").maxAge(cookie.maxAge())
                    .build().toString());
            exchange.getMessage().setHeader("Cache-Control", "no-store");
        }
    }

    private boolean secure(Exchange exchange) {
        return cookie.secure(() -> {
            PlatformHttpMessage http = exchange.getIn(PlatformHttpMessage.class);
            // Behind nginx, server.forward-headers-strategy makes isSecure() honour X-Forwarded-Proto.
            return http != null && http.getRequest().isSecure();
        });
    }
}
