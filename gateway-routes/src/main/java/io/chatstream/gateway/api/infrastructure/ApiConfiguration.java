package io.chatstream.gateway.api.infrastructure;

import io.chatstream.gateway.api.interfaces.http.ApiRoutesHealth;
import io.chatstream.gateway.api.interfaces.http.ApiStartupFilter;
import io.chatstream.gateway.api.interfaces.http.CrossSiteRequestFilter;
import io.chatstream.gateway.api.interfaces.http.HeaderSizeFilter;
import io.chatstream.gateway.api.interfaces.http.QueryStringFilter;
import io.chatstream.gateway.api.interfaces.http.RequestBodyFilter;
import io.chatstream.gateway.api.interfaces.sse.StreamLimits;
import io.chatstream.gateway.api.interfaces.sse.SseWriters;
import java.time.Duration;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the HTTP edge: the filters in front of the API, in their order, its readiness and the SSE writer threads. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    /**
     * Every path, right after the observation filter (so a refused request is still measured and traced):
     * a malformed query string is refused before anything else reads the request.
     */
    @Bean
    FilterRegistrationBean<QueryStringFilter> queryStringFilter() {
        FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(new QueryStringFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** {@code apiRoutes} in /actuator/health and the readiness group. */
    @Bean
    ApiRoutesHealth apiRoutesHealthIndicator(ObjectProvider<CamelContext> camel) {
        return new ApiRoutesHealth(camel);
    }

    /** 503 STARTING for /api/ until the routes run; before Spring Security, so never a 401 or 404 meanwhile. */
    @Bean
    FilterRegistrationBean<ApiStartupFilter> apiStartupFilter(ApiRoutesHealth apiRoutes,
            @Value("${chat.http.startup.retry-after}") Duration retryAfter) {
        FilterRegistrationBean<ApiStartupFilter> registration = new FilterRegistrationBean<>(
                new ApiStartupFilter(apiRoutes::hasStarted, retryAfter));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Runs before Spring Security, so an oversized or non-JSON body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(@Value("${chat.http.max-body-bytes}") long maxBytes) {
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(new RequestBodyFilter(maxBytes));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Cookie-authenticated writes from another origin are 403 CROSS_SITE_REQUEST, and without a
     * Content-Type 415; before Spring Security and the body filter, so nothing of such a request is read.
     */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(
            @Value("${chat.auth.cookie-name}") String cookieName,
            @Value("${chat.http.csrf.allowed-origins}") Set<String> allowedOrigins) {
        FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(
                new CrossSiteRequestFilter(cookieName, allowedOrigins));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        return registration;
    }

    /** Oversized headers get the API's JSON error (431), not Tomcat's HTML page. */
    @Bean
    FilterRegistrationBean<HeaderSizeFilter> headerSizeFilter(@Value("${chat.http.max-header-bytes}") long maxBytes) {
        FilterRegistrationBean<HeaderSizeFilter> registration = new FilterRegistrationBean<>(new HeaderSizeFilter(maxBytes));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Open answer streams per user and per client address on this instance. */
    @Bean
    StreamLimits streamLimits(@Value("${chat.sse.max-streams-per-user}") int perUser,
            @Value("${chat.sse.max-streams-per-address}") int perAddress) {
        return new StreamLimits(perUser, perAddress);
    }

    /** Writes SSE events off the gRPC threads (see SseRelay: bounded queue per connection). */
    @Bean
    SseWriters sseWriters(@Value("${chat.sse.writer-threads}") int threads,
            @Value("${chat.sse.stall-timeout}") Duration stallTimeout) {
        return new SseWriters(threads, stallTimeout);
    }
}
