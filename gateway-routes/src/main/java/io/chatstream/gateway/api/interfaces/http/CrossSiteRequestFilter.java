package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Refuses cross-site writes that ride on the sign-in cookie. A browser attaches the cookie by
 * itself; SameSite=Strict keeps it off requests from other sites but not from sibling subdomains
 * (same site, other origin). So a write (POST, PUT, PATCH, DELETE) authenticated by the cookie
 * alone, without an {@code Authorization} header, must:
 * <ul>
 *   <li>come from this origin: {@code Sec-Fetch-Site}, when sent, is {@code same-origin} or
 *       {@code none}; {@code Origin}, when sent, is this gateway's origin (as the client addressed
 *       it, through the proxy's forwarded headers) or one of {@code chat.http.csrf.allowed-origins};
 *       otherwise 403 CROSS_SITE_REQUEST;</li>
 *   <li>declare its body as JSON: a POST, PUT or PATCH without a {@code Content-Type} is 415
 *       UNSUPPORTED_MEDIA_TYPE (a cross-site form or {@code text/plain} fetch cannot send
 *       {@code application/json} without a CORS preflight, which the gateway never grants).</li>
 * </ul>
 * Bearer-header calls (scripts, other services) are not affected: browsers never add that header.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final List<String> cookieNames;
    private final Set<String> allowedOrigins;

    /**
     * {@code cookieNames}: every name of the sign-in cookies (a write carrying any of them is checked);
     * {@code allowedOrigins}: further origins allowed to write, as {@code scheme://host[:port]}.
     */
    public CrossSiteRequestFilter(List<String> cookieNames, Set<String> allowedOrigins) {
        this.cookieNames = List.copyOf(cookieNames);
        this.allowedOrigins = allowedOrigins.stream().map(CrossSiteRequestFilter::normalized).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || cookieNames.stream().allMatch(name -> WebUtils.getCookie(request, name) == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin") && !fetchSite.equalsIgnoreCase("none")) {
            refuse(request, response, "Sec-Fetch-Site " + fetchSite);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !isOwnOrigin(origin, request)) {
            refuse(request, response, "Origin " + origin);
            return;
        }
        String contentType = request.getContentType();
        if (WITH_BODY.contains(request.getMethod()) && (contentType == null || contentType.isBlank())) {
            LOG.warn("refused a cookie-authenticated {} {} without a Content-Type", request.getMethod(),
                    request.getRequestURI());
            ServletReplies.error(response, new Rejection(GatewayCodes.UNSUPPORTED_MEDIA_TYPE,
                    "a write signed in by cookie must send its body as application/json"));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isOwnOrigin(String origin, HttpServletRequest request) {
        String normalized = normalized(origin);
        if (normalized.isEmpty()) {
            return false;
        }
        String own = normalized(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return normalized.equals(own) || allowedOrigins.contains(normalized);
    }

    /** {@code scheme://host[:port]} in lower case, without the scheme's default port; empty if unreadable ("null"). */
    static String normalized(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return "";
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        LOG.warn("refused a cross-site {} {} signed in by cookie ({})", request.getMethod(), request.getRequestURI(),
                why);
        ServletReplies.error(response, new Rejection(GatewayCodes.CROSS_SITE_REQUEST,
                "this request came from another site; send it from the chat page or with an Authorization header"));
    }
}
