package io.chatstream.worker.answering.infrastructure.bailian;

import io.chatstream.worker.answering.application.ModelProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the answering use case's model provider: Bailian through LangChain4j, behind the circuit breaker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BailianSettings.class, BreakerSettings.class, ApiKeySettings.class})
public class BailianConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BailianConfiguration.class);

    @Bean
    ApiKeySource apiKeySource(ApiKeySettings settings) {
        return new ApiKeySource(settings.apiKey());
    }

    @Bean
    ModelProvider bailianClient(BailianSettings props, ApiKeySource apiKey, BreakerSettings breakerProps,
            MeterRegistry registry) {
        DashScopeConnectionLimits.apply(props.maxConcurrentStreams());
        // One client per model name: the answer route may pick another model per prompt.
        ModelProvider client = new BailianModels(props, apiKey);
        if (!breakerProps.enabled()) {
            return client;
        }
        CircuitBreaker breaker = CircuitBreakingModelProvider.breaker(breakerProps);
        breaker.getEventPublisher().onStateTransition(e -> LOG.warn("Bailian circuit breaker: {}",
                e.getStateTransition()));
        CircuitBreakingModelProvider.exposeState(breaker, registry);
        return new CircuitBreakingModelProvider(client, breaker);
    }
}
