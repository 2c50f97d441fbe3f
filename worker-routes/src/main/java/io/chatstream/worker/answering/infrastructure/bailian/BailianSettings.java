package io.chatstream.worker.answering.infrastructure.bailian;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.bailian.*} in application.yml (defaults and their reasons there): the default model and the
 * catalog of models people may choose, its optional sampling settings, retries, watchdogs and endpoint routing.
 * {@code baseUrl}, {@code temperature}, {@code topP}, {@code maxTokens}, {@code systemPrompt} and
 * {@code thinkingBudget} are optional (null or blank: not sent); every other one must be set.
 */
@ConfigurationProperties("chat.bailian")
public record BailianSettings(
        String baseUrl,
        String model,
        Float temperature,
        Double topP,
        Integer maxTokens,
        String systemPrompt,
        Integer maxConcurrentStreams,
        Integer maxAttempts,
        Duration backoffInitial,
        Duration backoffMax,
        Duration firstTokenTimeout,
        Duration idleTimeout,
        Duration totalTimeout,
        Duration thinkingTimeout,
        List<String> multimodalModels,
        String models,
        Integer thinkingBudget) {

    public BailianSettings {
        Objects.requireNonNull(model, "chat.bailian.model is not set");
        Objects.requireNonNull(maxConcurrentStreams, "chat.bailian.max-concurrent-streams is not set");
        Objects.requireNonNull(maxAttempts, "chat.bailian.max-attempts is not set");
        Objects.requireNonNull(backoffInitial, "chat.bailian.backoff-initial is not set");
        Objects.requireNonNull(backoffMax, "chat.bailian.backoff-max is not set");
        Objects.requireNonNull(firstTokenTimeout, "chat.bailian.first-token-timeout is not set");
        Objects.requireNonNull(idleTimeout, "chat.bailian.idle-timeout is not set");
        Objects.requireNonNull(totalTimeout, "chat.bailian.total-timeout is not set");
        Objects.requireNonNull(thinkingTimeout, "chat.bailian.thinking-timeout is not set");
        Objects.requireNonNull(multimodalModels, "chat.bailian.multimodal-models is not set");
        Objects.requireNonNull(models, "chat.bailian.models is not set");
    }
}
