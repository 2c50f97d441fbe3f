package io.chatstream.gateway.streaming.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.platform.infrastructure.SseSettings;
import io.chatstream.gateway.streaming.application.Delays;
import io.chatstream.gateway.streaming.application.Resumption;
import io.chatstream.gateway.streaming.application.StreamResumes;
import io.chatstream.gateway.streaming.application.StreamingAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires following an answer: the use case, how a broken-off stream is resumed, and what ops learn of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SseSettings.class)
public class StreamingConfiguration {

    @Bean
    StreamingAnswer streamingAnswer(ChatQueries queries, ChatCommands commands, SseSettings sse,
            Resumption resumption) {
        return new StreamingAnswer(queries, commands, sse.confirmUnknownRequests(), resumption);
    }

    /** How an answer stream whose query instance stopped or died is followed again (chat.sse.resume.*). */
    @Bean
    Resumption resumption(SseSettings sse, Delays resumeDelays, StreamResumes resumes) {
        SseSettings.Resume resume = sse.resume();
        return new Resumption(resume.maxAttempts(), resume.initialBackoff(), resume.maxBackoff(), resumeDelays,
                resumes);
    }

    /** The pauses before those re-opens. */
    @Bean
    ScheduledDelays resumeDelays() {
        return new ScheduledDelays();
    }

    /** Answer streams followed again after a break (chat.gateway.sse.resumes, an INFO line each). */
    @Bean
    StreamResumes streamResumes(MeterRegistry registry) {
        return new StreamResumeMetrics(registry);
    }
}
