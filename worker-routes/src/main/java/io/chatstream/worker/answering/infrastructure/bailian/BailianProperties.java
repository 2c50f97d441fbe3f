package io.chatstream.worker.answering.infrastructure.bailian;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code chat.bailian.*}: the default model and the catalog of models people may choose, its optional sampling settings, retries, watchdogs and endpoint routing. */
@ConfigurationProperties("chat.bailian")
public record BailianProperties(
        String baseUrl,
        @DefaultValue("qwen-plus") String model,
        Float temperature,
        Double topP,
        Integer maxTokens,
        String systemPrompt,
        @DefaultValue("512") int maxConcurrentStreams,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration backoffInitial,
        @DefaultValue("5s") Duration backoffMax,
        @DefaultValue("30s") Duration firstTokenTimeout,
        @DefaultValue("30s") Duration idleTimeout,
        @DefaultValue("5m") Duration totalTimeout,
        @DefaultValue("3m") Duration thinkingTimeout,
        @DefaultValue({"qwen3.5*", "qvq*", "*-vl", "*-vl-*", "*-omni*", "*-audio*"}) List<String> multimodalModels,
        @DefaultValue("") String models,
        Integer thinkingBudget) {
}
