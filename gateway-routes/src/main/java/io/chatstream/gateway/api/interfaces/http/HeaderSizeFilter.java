package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests whose headers exceed {@code chat.http.max-header-bytes} with 431 and the API's JSON
 * error. Tomcat's own limit ({@code server.max-http-request-header-size}) is set higher on purpose: it
 * answers with an HTML page, which only requests beyond that larger limit still get.
 */
public final class HeaderSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public HeaderSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long size = 0;
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                size += name.length() + values.nextElement().length() + 4;
            }
        }
        if (size > maxBytes) {
            ServletReplies.error(response, new Rejection(GatewayCodes.HEADERS_TOO_LARGE,
                    "request headers exceed " + maxBytes + " bytes"));
            return;
        }
        chain.doFilter(request, response);
    }
}
