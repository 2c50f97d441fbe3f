package io.chatstream.gateway.identity.infrastructure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starting a sign-in while the provider's discovery document cannot be read sends the browser back to the
 * page with {@code ?sign_in=unavailable} (the page says so and offers to retry) instead of Spring
 * Security's bare 500.
 */
final class SignInAvailability extends OncePerRequestFilter {

    static final String START_PATH = "/oauth2/authorization/";
    private final ProviderRegistration registration;

    SignInAvailability(ProviderRegistration registration) {
        this.registration = registration;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + START_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (registration.current().isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/?sign_in=unavailable");
            return;
        }
        chain.doFilter(request, response);
    }
}
