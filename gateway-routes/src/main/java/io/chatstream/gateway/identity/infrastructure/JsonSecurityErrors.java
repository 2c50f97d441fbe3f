package io.chatstream.gateway.identity.infrastructure;

import io.chatstream.gateway.api.application.GatewayCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 / 403 / 503 in the API's JSON error shape; never says why a token failed (no oracle for attackers). */
final class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonSecurityErrors.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, GatewayCodes.UNAUTHENTICATED,
                "sign in first: a valid token is required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, GatewayCodes.FORBIDDEN, "not allowed");
    }

    /** The token could not be checked (the provider's keys cannot be fetched): 503, the caller may retry. */
    void unavailable(HttpServletResponse response, AuthenticationException e) throws IOException {
        log.warn("a bearer token could not be checked: {}", e.getMessage());
        response.setHeader("Retry-After", "5");
        write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, GatewayCodes.DEPENDENCY_UNAVAILABLE,
                "signing in cannot be checked right now; try again shortly");
    }

    private static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Constant texts only, so hand-written JSON is safe here.
        response.getWriter().write("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }
}
