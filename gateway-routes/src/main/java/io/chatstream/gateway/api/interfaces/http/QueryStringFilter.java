package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First thing every request meets: a query string that is not well-formed percent-encoded UTF-8 is
 * 400 INVALID_QUERY_STRING, on every path, before security, routes or static files look at it
 * (the container would drop the broken parameter and answer as if it had not been sent). Under
 * {@code /api/} a repeated parameter is refused too: the API takes no lists, and which copy a layer
 * picks (Spring joins them, Camel makes a list, proxies take the first) must never matter.
 */
public final class QueryStringFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(QueryStringFilter.class);
    private static final int LOGGED_CHARS = 200;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Optional<String> problem = QueryStrings.problem(request.getQueryString(), !path.startsWith("/api/"));
        if (problem.isPresent()) {
            // One line for ops, no stack trace: this is the client's mistake, not ours.
            log.info("refused {} {} with 400 {}: {} (query: {})", request.getMethod(), clip(path),
                    GatewayCodes.INVALID_QUERY_STRING, problem.get(), clip(request.getQueryString()));
            // Any body stays unread: closing is cheaper than letting the container drain it.
            response.setHeader("Connection", "close");
            ServletReplies.error(response, new Rejection(GatewayCodes.INVALID_QUERY_STRING,
                    "malformed query string: " + problem.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String clip(String s) {
        return s.length() <= LOGGED_CHARS ? s : s.substring(0, LOGGED_CHARS) + "...";
    }
}
