package io.chatstream.worker.titling.infrastructure;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.titling.application.SuggestingTitle;
import io.chatstream.worker.titling.application.TitleSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the titling use case to the answering concept's model provider; settings {@code chat.titles.*}. */
@Configuration(proxyBeanMethods = false)
public class TitlingConfiguration {

    @Bean
    TitleSettings titleSettings(@Value("${chat.titles.enabled:true}") boolean enabled,
            @Value("${chat.titles.model:qwen-flash}") String model,
            @Value("${chat.titles.prompt:Give a title of at most 30 characters for this conversation, in the language of the conversation. Reply with the title only: no Markdown, no quotes, no final punctuation.}") String prompt,
            @Value("${chat.titles.max-length:30}") int maxLength,
            @Value("${chat.titles.max-input-chars:1000}") int maxInputChars,
            @Value("${chat.titles.timeout:20s}") Duration timeout,
            @Value("${chat.titles.max-age:10m}") Duration maxAge) {
        return new TitleSettings(enabled, model, prompt, maxLength, maxInputChars, timeout, maxAge);
    }

    @Bean
    TitleSuggestionStep titleSuggestionStep(ModelProvider provider, TitleSettings settings, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        return new TitleSuggestionStep(new SuggestingTitle(provider, settings, new MicrometerTitleMetrics(registry),
                clock), clock);
    }
}
