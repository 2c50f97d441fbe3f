package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Never half-ready: until the API's routes have started, every {@code /api/} request is 503 STARTING with
 * {@code Retry-After}, before Spring Security (no 401 for a sign-in that could not have worked) and before
 * Spring MVC (no 404 for a route that does not exist yet). Nothing has been done, so a client may repeat
 * any request as it is; the page does so by itself.
 */
public final class ApiStartupFilter extends OncePerRequestFilter {

    private final BooleanSupplier started;
    private final Duration retryAfter;

    public ApiStartupFilter(BooleanSupplier started, Duration retryAfter) {
        this.started = started;
        this.retryAfter = retryAfter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (started.getAsBoolean()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        ServletReplies.error(response, new Rejection(GatewayCodes.STARTING,
                "the chat service is starting: try again in a moment", retryAfter));
    }
}
