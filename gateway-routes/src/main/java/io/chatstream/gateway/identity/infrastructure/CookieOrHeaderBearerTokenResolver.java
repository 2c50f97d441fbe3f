package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.gateway.identity.application.SignInCookies;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.util.WebUtils;

/**
 * The {@code Authorization: Bearer} header first, else the HttpOnly access-token cookie ({@link SignInCookies}): the
 * page's EventSource cannot send headers, and tokens never belong in URLs (they end up in logs).
 * Only the protected chat API looks for a token, so a stale cookie cannot break public pages or the
 * sign-in itself.
 */
final class CookieOrHeaderBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
    private final SignInCookies cookies;

    CookieOrHeaderBearerTokenResolver(SignInCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || path.startsWith("/api/auth/")) {
            return null;
        }
        String fromHeader = header.resolve(request);
        if (fromHeader != null) {
            return fromHeader;
        }
        return cookies.read(SignInCookies.Kind.ACCESS, name -> {
            Cookie cookie = WebUtils.getCookie(request, name);
            return cookie == null ? null : cookie.getValue();
        }).orElse(null);
    }
}
