package io.chatstream.worker.titling.infrastructure;

import io.chatstream.worker.answering.application.ModelProvider;
import io.chatstream.worker.titling.application.SuggestingTitle;
import io.chatstream.worker.titling.application.TitleSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the titling use case to the answering concept's model provider; settings {@code chat.titles.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TitleSuggestionSettings.class)
public class TitlingConfiguration {

    @Bean
    TitleSettings titleSettings(TitleSuggestionSettings settings) {
        return new TitleSettings(settings.enabled(), settings.model(), settings.prompt(), settings.maxLength(),
                settings.maxInputChars(), settings.timeout(), settings.maxAge());
    }

    @Bean
    TitleSuggestionStep titleSuggestionStep(ModelProvider provider, TitleSettings settings, MeterRegistry registry) {
        Clock clock = Clock.systemUTC();
        return new TitleSuggestionStep(new SuggestingTitle(provider, settings, new MicrometerTitleMetrics(registry),
                clock), clock);
    }
}
