package io.chatstream.gateway.streaming.infrastructure;

import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.streaming.application.Delays;
import io.chatstream.gateway.streaming.application.Resumption;
import io.chatstream.gateway.streaming.application.StreamResumes;
import io.chatstream.gateway.streaming.application.StreamingAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires following an answer: the use case, how a broken-off stream is resumed, and what ops learn of it. */
@Configuration(proxyBeanMethods = false)
public class StreamingConfiguration {

    @Bean
    StreamingAnswer streamingAnswer(ChatQueries queries, ChatCommands commands,
            @Value("${chat.sse.confirm-unknown-requests}") boolean confirmUnknownRequests, Resumption resumption) {
        return new StreamingAnswer(queries, commands, confirmUnknownRequests, resumption);
    }

    /** How an answer stream whose query instance stopped or died is followed again (chat.sse.resume.*). */
    @Bean
    Resumption resumption(@Value("${chat.sse.resume.max-attempts}") int maxAttempts,
            @Value("${chat.sse.resume.initial-backoff}") Duration initialBackoff,
            @Value("${chat.sse.resume.max-backoff}") Duration maxBackoff, Delays resumeDelays, StreamResumes resumes) {
        return new Resumption(maxAttempts, initialBackoff, maxBackoff, resumeDelays, resumes);
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
