package io.chatstream.gateway.platform.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Traces of the gateway. Spring MVC's HTTP server span (continuing an incoming W3C
 * {@code traceparent}) is current on the servlet thread, but the platform-http routes run on the
 * application task executor: this decorator (applied by Spring Boot's executor builder) carries the
 * OpenTelemetry context over, so the route's logs, the caller's trace id and the gRPC client spans
 * all belong to the request's trace.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    TaskDecorator traceContextTaskDecorator() {
        return runnable -> Context.current().wrap(runnable);
    }

    /** Open answer streams and their time to first bytes (chat.gateway.sse.*). */
    @Bean
    FilterRegistrationBean<SseStreamMetrics> sseStreamMetrics(MeterRegistry registry) {
        FilterRegistrationBean<SseStreamMetrics> filter = new FilterRegistrationBean<>(new SseStreamMetrics(registry));
        filter.addUrlPatterns(SseStreamMetrics.PATH);
        filter.setAsyncSupported(true);
        return filter;
    }
}
