package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.gateway.identity.application.SignInCookies;
import jakarta.servlet.http.HttpServletRequest;

/** Whether this request's cookies are Secure (chat.auth.cookie-secure; behind nginx isSecure() honours X-Forwarded-Proto). */
record CookieSecurity(SignInCookies cookies) {

    boolean secure(HttpServletRequest request) {
        return cookies.secure(request::isSecure);
    }
}
