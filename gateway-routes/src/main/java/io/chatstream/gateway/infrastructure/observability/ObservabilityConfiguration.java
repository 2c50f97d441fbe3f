package io.chatstream.gateway.infrastructure.observability;

import io.opentelemetry.context.Context;
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
}
