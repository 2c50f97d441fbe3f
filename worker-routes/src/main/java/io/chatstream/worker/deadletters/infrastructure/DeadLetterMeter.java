package io.chatstream.worker.deadletters.infrastructure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Header;

/** Counts the dead letters the dead-letter hop wrote, by failure code (unreadable payloads included). */
public final class DeadLetterMeter {

    private final MeterRegistry registry;

    public DeadLetterMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(@Header(KafkaDeadLetterTopic.ERROR_CODE) String code) {
        Counter.builder("chat.worker.dead_letters").description("prompts put on the dead-letter topic")
                .tag("error_code", code == null || code.isBlank() ? "UNKNOWN" : code)
                .register(registry).increment();
    }
}
