package io.chatstream.gateway.api.infrastructure;

import io.chatstream.gateway.api.interfaces.http.ApiRoutesHealth;
import io.chatstream.gateway.api.interfaces.http.ApiStartupFilter;
import io.chatstream.gateway.api.interfaces.http.CrossSiteRequestFilter;
import io.chatstream.gateway.api.interfaces.http.HeaderSizeFilter;
import io.chatstream.gateway.api.interfaces.http.QueryStringFilter;
import io.chatstream.gateway.api.interfaces.http.RequestBodyFilter;
import io.chatstream.gateway.api.interfaces.sse.SseWriters;
import io.chatstream.gateway.api.interfaces.sse.StreamBounds;
import io.chatstream.gateway.api.interfaces.sse.StreamLimits;
import io.chatstream.gateway.identity.application.SignInCookies;
import io.chatstream.gateway.platform.infrastructure.SseSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the HTTP edge: the filters in front of the API, in their order, its readiness and the SSE writer threads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({HttpSettings.class, SseSettings.class})
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
    FilterRegistrationBean<ApiStartupFilter> apiStartupFilter(ApiRoutesHealth apiRoutes, HttpSettings http) {
        FilterRegistrationBean<ApiStartupFilter> registration = new FilterRegistrationBean<>(
                new ApiStartupFilter(apiRoutes::hasStarted, http.startup().retryAfter()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Runs before Spring Security, so an oversized or non-JSON body is refused before anything reads it. */
    @Bean
    FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(HttpSettings http) {
        FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyFilter(http.maxBodyBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Cookie-authenticated writes from another origin are 403 CROSS_SITE_REQUEST, and without a
     * Content-Type 415; before Spring Security and the body filter, so nothing of such a request is read. The
     * cookies are the sign-in cookies (chat.auth.cookie-name and its refresh and ID companions).
     */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter(SignInCookies cookies, HttpSettings http) {
        List<String> names = new ArrayList<>();
        for (SignInCookies.Kind kind : SignInCookies.Kind.values()) {
            names.addAll(cookies.names(kind));
        }
        FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(
                new CrossSiteRequestFilter(names, http.csrf().allowedOrigins()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        return registration;
    }

    /** Oversized headers get the API's JSON error (431), not Tomcat's HTML page. */
    @Bean
    FilterRegistrationBean<HeaderSizeFilter> headerSizeFilter(HttpSettings http) {
        FilterRegistrationBean<HeaderSizeFilter> registration = new FilterRegistrationBean<>(
                new HeaderSizeFilter(http.maxHeaderBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Open answer streams per user and per client address on this instance. */
    @Bean
    StreamLimits streamLimits(SseSettings sse) {
        return new StreamLimits(sse.maxStreamsPerUser(), sse.maxStreamsPerAddress());
    }

    /** Writes SSE events off the gRPC threads (see SseRelay: bounded queue per connection). */
    @Bean
    SseWriters sseWriters(SseSettings sse) {
        return new SseWriters(sse.writerThreads(), sse.stallTimeout());
    }

    /** How long one answer stream may live and how many events it may hold for its browser. */
    @Bean
    StreamBounds streamBounds(SseSettings sse) {
        return new StreamBounds(sse.maxDuration(), sse.maxQueuedEvents());
    }
}
