package io.chatstream.query.streaming.infrastructure;

import io.chatstream.query.history.application.ListingSessions;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.ReadingSessionMessages;
import io.chatstream.query.history.application.SearchingMessages;
import io.chatstream.query.models.application.OfferedModels;
import io.chatstream.query.streaming.application.AnswerStreams;
import io.chatstream.query.streaming.application.OwnershipSignals;
import io.chatstream.query.streaming.application.OwnershipWaits;
import io.chatstream.query.streaming.application.RelayTraces;
import io.chatstream.query.streaming.application.RequestOwnerships;
import io.chatstream.query.streaming.application.StreamingAnswer;
import io.chatstream.query.streaming.interfaces.AnswerStreamOpener;
import io.chatstream.query.streaming.interfaces.GrpcQueryEndpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires answer streaming: request ownerships and their waits, the Redis stream multiplexer, relay traces, and the
 * ChatQueryService gRPC endpoint the routes call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamSettings.class)
public class StreamingConfiguration {

    @Bean
    RequestOwnerships requestOwnerships(JdbcTemplate jdbc) {
        return new JdbcRequestOwnerships(jdbc);
    }

    @Bean
    OwnershipWaits ownershipWaits() {
        return new OwnershipWaits();
    }

    /** Told by the prompt projection; wakes the waits once the ownership is committed. */
    @Bean
    OwnershipSignals ownershipSignals(OwnershipWaits waits) {
        return new CommittedOwnershipSignals(waits);
    }

    @Bean
    RedisAnswerStreams answerStreams(StringRedisTemplate redis, LettuceConnectionFactory factory, MeterRegistry meters,
            StreamSettings settings) {
        Timer relayDelay = Timer.builder("chat.query.stream.relay_delay")
                .description("worker's XADD of an answer entry to query handing it to a live StreamAnswer reader")
                .publishPercentileHistogram().register(meters);
        RedisAnswerStreams streams = new RedisAnswerStreams(redis, factory, settings,
                millis -> relayDelay.record(millis, TimeUnit.MILLISECONDS));
        Gauge.builder("chat.query.answer.streams.active", streams, RedisAnswerStreams::activeCount)
                .description("StreamAnswer calls currently following a live Redis stream").register(meters);
        return streams;
    }

    @Bean
    StreamingAnswer streamingAnswer(RequestOwnerships o, MessageViews m, AnswerStreams streams) {
        return new StreamingAnswer(o, m, streams);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService streamOpenScheduler() {
        return Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "answer-stream-open");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    AnswerStreamOpener answerStreamOpener(StreamingAnswer streaming, OwnershipWaits waits,
            ScheduledExecutorService streamOpenScheduler, StreamSettings settings) {
        return new AnswerStreamOpener(streaming, waits, streamOpenScheduler, settings.ownershipWait(),
                settings.ownershipPoll());
    }

    /**
     * Records finished streams' relay spans off the answer stream reader thread. Bounded and dropping when
     * full: observability must never hold up or grow with the relay.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService relayTraceExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "answer-relay-trace");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    @Bean
    RelayTraces relayTraces(JdbcTemplate jdbc, OpenTelemetry openTelemetry, ExecutorService relayTraceExecutor) {
        return new OpenTelemetryRelayTraces(jdbc, openTelemetry, relayTraceExecutor);
    }

    /**
     * Called by the gRPC routes: StreamAnswer, GetSessionMessages, ListSessions and SearchMessages through
     * history's use cases, and ListModels from the offered models.
     */
    @Bean
    GrpcQueryEndpoint grpcQueryEndpoint(AnswerStreamOpener opener, ReadingSessionMessages m, ListingSessions s,
            SearchingMessages search, RelayTraces relayTraces, OfferedModels models) {
        return new GrpcQueryEndpoint(opener, m, s, search, relayTraces, models);
    }
}
