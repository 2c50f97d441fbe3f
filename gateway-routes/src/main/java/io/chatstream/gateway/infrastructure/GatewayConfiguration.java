package io.chatstream.gateway.infrastructure;

import io.chatstream.gateway.application.ChatCommands;
import io.chatstream.gateway.application.ChatQueries;
import io.chatstream.gateway.application.Delays;
import io.chatstream.gateway.application.IssuingDevToken;
import io.chatstream.gateway.application.ListingSessions;
import io.chatstream.gateway.application.ReadingSessionMessages;
import io.chatstream.gateway.application.SendRateLimits;
import io.chatstream.gateway.application.SendingPrompt;
import io.chatstream.gateway.application.StoppingPrompt;
import io.chatstream.gateway.application.RenamingSession;
import io.chatstream.gateway.application.DeletingSession;
import io.chatstream.gateway.application.Resumption;
import io.chatstream.gateway.application.StreamResumes;
import io.chatstream.gateway.application.StreamingAnswer;
import io.chatstream.gateway.application.Tokens;
import io.chatstream.gateway.interfaces.http.ApiRoutesHealth;
import io.chatstream.gateway.interfaces.http.ApiStartupFilter;
import io.chatstream.gateway.interfaces.http.HeaderSizeFilter;
import io.chatstream.gateway.interfaces.http.QueryStringFilter;
import io.chatstream.gateway.interfaces.http.RequestBodyFilter;
import io.chatstream.gateway.interfaces.sse.SseWriters;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to their ports, explicitly. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    @Bean
    SendingPrompt sendingPrompt(ChatCommands commands, SendRateLimits limits) {
        return new SendingPrompt(commands, limits);
    }

    @Bean
    StoppingPrompt stoppingPrompt(ChatCommands commands) {
        return new StoppingPrompt(commands);
    }

    @Bean
    RenamingSession renamingSession(ChatCommands commands) {
        return new RenamingSession(commands);
    }

    @Bean
    DeletingSession deletingSession(ChatCommands commands) {
        return new DeletingSession(commands);
    }

    @Bean
    ListingSessions listingSessions(ChatQueries queries) {
        return new ListingSessions(queries);
    }

    @Bean
    ReadingSessionMessages readingSessionMessages(ChatQueries queries) {
        return new ReadingSessionMessages(queries);
    }

    @Bean
    StreamingAnswer streamingAnswer(ChatQueries queries, ChatCommands commands,
            @Value("${chat.sse.confirm-unknown-requests}") boolean confirmUnknownRequests, Resumption resumption) {
        return new StreamingAnswer(queries, commands, confirmUnknownRequests, resumption);
    }

    /** How an answer stream whose query instance stopped or died is followed again (chat.sse.resume.*). */
    @Bean
    Resumption resumption(@Value("${chat.sse.resume.max-attempts}") int maxAttempts,
            @Value("${chat.sse.resume.initial-backoff}") Duration initialBackoff,
            @Value("${chat.sse.resume.max-backoff}") Duration maxBackoff, Delays resumeDelays, StreamResumes resumes) {
        return new Resumption(maxAttempts, initialBackoff, maxBackoff, resumeDelays, resumes);
    }

    /** The pauses before those re-opens. */
    @Bean
    ScheduledDelays resumeDelays() {
        return new ScheduledDelays();
    }

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

    /** Oversized headers get the API's JSON error (431), not Tomcat's HTML page. */
    @Bean
    FilterRegistrationBean<HeaderSizeFilter> headerSizeFilter(@Value("${chat.http.max-header-bytes}") long maxBytes) {
        FilterRegistrationBean<HeaderSizeFilter> registration = new FilterRegistrationBean<>(new HeaderSizeFilter(maxBytes));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Writes SSE events off the gRPC threads (see SseRelay: bounded queue per connection). */
    @Bean
    SseWriters sseWriters(@Value("${chat.sse.writer-threads}") int threads,
            @Value("${chat.sse.stall-timeout}") Duration stallTimeout) {
        return new SseWriters(threads, stallTimeout);
    }

    @Bean
    IssuingDevToken issuingDevToken(Tokens tokens, @Value("${chat.auth.dev-token-enabled}") boolean enabled) {
        return new IssuingDevToken(tokens, enabled);
    }
}
