package io.chatstream.worker.titling.infrastructure;

import io.chatstream.worker.titling.application.TitleMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code chat.worker.titles{outcome}}: suggested, or failed with its reason (docs/metrics.md). */
final class MicrometerTitleMetrics implements TitleMetrics {

    private final MeterRegistry registry;

    MicrometerTitleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void suggested() {
        count("suggested", "");
    }

    @Override
    public void failed(String reason) {
        count("failed", reason);
    }

    private void count(String outcome, String reason) {
        Counter.builder("chat.worker.titles").description("Conversation titles asked of the model, by outcome")
                .tag("outcome", outcome).tag("reason", reason).register(registry).increment();
    }
}
