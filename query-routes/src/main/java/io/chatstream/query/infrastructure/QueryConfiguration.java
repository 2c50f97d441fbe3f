package io.chatstream.query.infrastructure;

import io.chatstream.query.application.ListingSessions;
import io.chatstream.query.application.MessageViews;
import io.chatstream.query.application.ProjectingAnswer;
import io.chatstream.query.application.ProjectingPrompt;
import io.chatstream.query.application.ProjectingSessionChange;
import io.chatstream.query.application.ReadingSessionMessages;
import io.chatstream.query.application.RequestOwnerships;
import io.chatstream.query.application.SessionViews;
import io.chatstream.query.application.StreamingAnswer;
import io.chatstream.query.infrastructure.observability.RelayTraces;
import io.chatstream.query.interfaces.AnswerStreamOpener;
import io.chatstream.query.interfaces.EventProjections;
import io.chatstream.query.interfaces.GrpcQueryEndpoint;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the use cases of ConversationQueryContext to their adapters. */
@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RequestOwnerships requestOwnerships(JdbcTemplate jdbc) {
        return new JdbcRequestOwnerships(jdbc);
    }

    @Bean
    MessageViews messageViews(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcMessageViews(jdbc, tx);
    }

    @Bean
    SessionViews sessionViews(JdbcTemplate jdbc, TransactionTemplate tx) {
        return new JdbcSessionViews(jdbc, tx);
    }

    @Bean
    OwnershipWaits ownershipWaits() {
        return new OwnershipWaits();
    }

    @Bean
    RedisAnswerStreams answerStreams(StringRedisTemplate redis, LettuceConnectionFactory factory, MeterRegistry meters,
            @Value("${chat.stream.heartbeat-interval}") Duration heartbeat,
            @Value("${chat.stream.start-timeout}") Duration startTimeout,
            @Value("${chat.stream.read-block}") Duration block,
            @Value("${chat.stream.read-count}") int readCount,
            @Value("${chat.stream.tick}") Duration tick) {
        Timer relayDelay = Timer.builder("chat.query.stream.relay_delay")
                .description("worker's XADD of an answer entry to query handing it to a live StreamAnswer reader")
                .publishPercentileHistogram().register(meters);
        RedisAnswerStreams streams = new RedisAnswerStreams(redis, factory,
                new StreamSettings(heartbeat, startTimeout, block, readCount, tick),
                millis -> relayDelay.record(millis, TimeUnit.MILLISECONDS));
        Gauge.builder("chat.query.answer.streams.active", streams, RedisAnswerStreams::activeCount)
                .description("StreamAnswer calls currently following a live Redis stream").register(meters);
        return streams;
    }

    @Bean
    ProjectingPrompt projectingPrompt(RequestOwnerships o, MessageViews m, SessionViews s, OwnershipWaits waits) {
        return new ProjectingPrompt(o, m, s, waits);
    }

    @Bean
    ProjectingSessionChange projectingSessionChange(SessionViews s, MessageViews m, RequestOwnerships o) {
        return new ProjectingSessionChange(s, m, o);
    }

    @Bean
    ProjectingAnswer projectingAnswer(RequestOwnerships o, MessageViews m, SessionViews s) {
        return new ProjectingAnswer(o, m, s);
    }

    @Bean
    StreamingAnswer streamingAnswer(RequestOwnerships o, MessageViews m, RedisAnswerStreams streams) {
        return new StreamingAnswer(o, m, streams);
    }

    @Bean
    ReadingSessionMessages readingSessionMessages(SessionViews s, MessageViews m, RedisAnswerStreams streams) {
        return new ReadingSessionMessages(s, m, streams);
    }

    @Bean
    ListingSessions listingSessions(SessionViews s) {
        return new ListingSessions(s);
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
            ScheduledExecutorService streamOpenScheduler,
            @Value("${chat.stream.ownership-wait}") Duration wait,
            @Value("${chat.stream.ownership-poll}") Duration poll) {
        return new AnswerStreamOpener(streaming, waits, streamOpenScheduler, wait, poll);
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

    /** Called by the gRPC routes. */
    @Bean
    GrpcQueryEndpoint grpcQueryEndpoint(AnswerStreamOpener opener, ReadingSessionMessages m, ListingSessions s,
            RelayTraces relayTraces, ExecutorService relayTraceExecutor) {
        return new GrpcQueryEndpoint(opener, m, s, relayTraces, relayTraceExecutor);
    }

    @Bean
    KafkaOffsets kafkaOffsets() {
        return new KafkaOffsets();
    }

    /** Called by the Kafka projection routes. */
    @Bean
    EventProjections eventProjections(ProjectingPrompt p, ProjectingAnswer a, ProjectingSessionChange c,
            Clock clock, PlatformTransactionManager transactions) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new EventProjections(p, a, c, clock, tx);
    }
}
