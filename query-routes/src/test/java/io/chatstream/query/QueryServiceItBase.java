package io.chatstream.query;

import static io.chatstream.query.QueryItMessages.*;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.AnswerStreamEntries;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.localinfra.ChatTopics;
import io.chatstream.localinfra.KafkaBroker;
import io.chatstream.localinfra.MariaDbServer;
import io.chatstream.localinfra.Ports;
import io.chatstream.localinfra.RedisServer;
import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.AnswerStreamEntry;
import io.chatstream.proto.v1.ChatQueryServiceGrpc;
import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.SessionChanged;
import io.chatstream.proto.v1.SessionDeleted;
import io.chatstream.proto.v1.SessionRenamed;
import io.chatstream.proto.v1.VersionSelected;
import io.chatstream.proto.v1.Usage;
import io.grpc.ManagedChannel;
import io.chatstream.support.identity.TestGateway;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boots the query service against real Kafka, Redis and MariaDB, reached through a real gRPC stub. */
@ExtendWith(QueryServiceItBase.Infrastructure.class)
@SpringBootTest(classes = QueryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class QueryServiceItBase {

    static final String USER = "alice";
    private static KafkaBroker kafka;
    private static RedisServer redis;
    private static MariaDbServer db;
    static KafkaProducer<String, String> producer;
    static ManagedChannel channel;
    private static int grpcPort;

    @Autowired
    StringRedisTemplate redisTemplate;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    /**
     * Starts the infrastructure before and stops it after the Spring context (closed first via @DirtiesContext):
     * declared before @SpringBootTest, so JUnit runs its afterAll after Spring's.
     */
    static final class Infrastructure implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            Path root = Path.of("target", "it-" + System.nanoTime());
            grpcPort = Ports.free();
            kafka = KafkaBroker.start(0, root.resolve("kafka"));
            kafka.createTopics(ChatTopics.defaults());
            redis = RedisServer.start(0, root.resolve("redis"));
            db = MariaDbServer.start(0, root.resolve("mariadb"));
            db.createDatabase("chat_query", "chat_query", "chat_query");
            Properties p = new Properties();
            p.put("bootstrap.servers", kafka.bootstrapServers());
            p.put("key.serializer", StringSerializer.class.getName());
            p.put("value.serializer", StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
            // Every call signed as the gateway signs it, for the user of its request (service identity).
            channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext()
                    .intercept(TestGateway.forQuery()).build();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            channel.shutdownNow();
            producer.close();
            kafka.close();
            redis.close();
            db.close();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("chat.kafka.brokers", kafka::bootstrapServers);
        r.add("spring.data.redis.port", redis::port);
        r.add("spring.datasource.url", () -> db.jdbcUrl("chat_query"));
        r.add("chat.grpc.port", () -> grpcPort);
        r.add("chat.grpc.host", () -> "127.0.0.1");
        r.add("chat.service-identity.gateway-keys", () -> TestGateway.QUERY_KEY);
        r.add("chat.stream.heartbeat-interval", () -> "500ms");
        r.add("chat.stream.ownership-wait", () -> "2s");
        r.add("chat.stream.start-timeout", () -> "4s");
    }

    static String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    ChatQueryServiceGrpc.ChatQueryServiceBlockingStub stub() {
        return ChatQueryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    // ---- helpers -------------------------------------------------------------------------------

    record Ids(String request, String session) {
    }

    Ids submit(String prompt, int turn, Instant at) {
        return submit(UUID.randomUUID().toString(), UUID.randomUUID().toString(), prompt, turn, at);
    }

    Ids submit(String request, String session, String prompt, int turn, Instant at) {
        return submitAs(USER, request, session, prompt, turn, at);
    }

    Ids submitAs(String user, String request, String session, String prompt, int turn, Instant at) {
        PromptSubmitted e = PromptSubmitted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(request).setSessionId(session).setUserId(user).setTurn(turn).setPrompt(prompt)
                .setSubmittedAt(ts(at)).build();
        producer.send(new ProducerRecord<>("chat.prompt.submitted", session, EventJson.write(e)));
        producer.flush();
        return new Ids(request, session);
    }

    /** A version of a turn (or a new turn) after {@code parent} (empty: a first turn), at a session version. */
    Ids submitVersion(String request, String session, String parent, String prompt, int turn, long sessionVersion,
            Instant at) {
        PromptSubmitted e = PromptSubmitted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(request).setSessionId(session).setUserId(USER).setTurn(turn).setPrompt(prompt)
                .setSubmittedAt(ts(at)).setParentRequestId(parent).setSessionVersion(sessionVersion).build();
        producer.send(new ProducerRecord<>("chat.prompt.submitted", session, EventJson.write(e)));
        producer.flush();
        return new Ids(request, session);
    }

    void selectVersion(String session, String version, String head, long sessionVersion, Instant at) {
        SessionChanged e = SessionChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setSessionId(session).setUserId(USER).setOccurredAt(ts(at)).setSessionVersion(sessionVersion)
                .setVersionSelected(VersionSelected.newBuilder().setRequestId(version).setHeadRequestId(head))
                .build();
        producer.send(new ProducerRecord<>("chat.session.changed", session, EventJson.write(e)));
        producer.flush();
    }

    void complete(Ids ids, String status, String text, Instant at) {
        complete(ids, 1, status, text, at);
    }

    void complete(Ids ids, int turn, String status, String text, Instant at) {
        completeAs(USER, ids, turn, status, text, at);
    }

    void completeAs(String user, Ids ids, int turn, String status, String text, Instant at) {
        completeAs(user, ids, turn, status, text, "", at);
    }

    /** The model every answer of these tests comes from. */
    static final String ANSWER_MODEL = "qwen-it-model";

    /** A thinking model's answer: its reasoning travels in the event beside the text. */
    void completeWithReasoning(Ids ids, String status, String text, String reasoning, Instant at) {
        completeAs(USER, ids, 1, status, text, reasoning, at);
    }

    void completeAs(String user, Ids ids, int turn, String status, String text, String reasoning, Instant at) {
        AnswerCompleted.Builder e = AnswerCompleted.newBuilder().setEventId(UUID.randomUUID().toString())
                .setRequestId(ids.request()).setSessionId(ids.session()).setUserId(user).setTurn(turn).setStatus(status)
                .setText(text).setReasoning(reasoning).setCompletedAt(ts(at)).setModel(ANSWER_MODEL)
                .setUsage(Usage.newBuilder().setInputTokens(5).setOutputTokens(7));
        if (status.equals("failed")) {
            e.setErrorCode("Throttling").setErrorMessage("too many requests");
        } else {
            e.setFinishReason("stop");
        }
        producer.send(new ProducerRecord<>("chat.answer.completed", ids.session(), EventJson.write(e.build())));
        producer.flush();
    }

    void changeSession(String session, String user, Instant at, boolean delete, String title) {
        SessionChanged.Builder e = SessionChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setSessionId(session).setUserId(user).setOccurredAt(ts(at));
        if (delete) {
            e.setDeleted(SessionDeleted.getDefaultInstance());
        } else {
            e.setRenamed(SessionRenamed.newBuilder().setTitle(title));
        }
        producer.send(new ProducerRecord<>("chat.session.changed", session, EventJson.write(e.build())));
        producer.flush();
    }

    void xaddAnswer(String request, String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            xadd(request, token(i + 1, tokens[i]));
        }
        xadd(request, done(tokens.length + 1, tokens.length));
    }

    void xadd(String request, AnswerStreamEntry entry) {
        redisTemplate.opsForStream().add(StreamRecords.string(AnswerStreamEntries.toFields(entry))
                .withStreamKey(RedisKeys.answerStream(request)));
    }

    List<AnswerChunk> collect(String request, String user, long afterSeq) {
        List<AnswerChunk> chunks = new ArrayList<>();
        Iterator<AnswerChunk> it = stub().streamAnswer(request(request, user, afterSeq));
        it.forEachRemaining(chunks::add);
        return chunks;
    }

    static GetSessionMessagesRequest messages(String session, String cursor, int size) {
        return GetSessionMessagesRequest.newBuilder().setUserId(USER).setSessionId(session).setPage(cursor)
                .setPageSize(size).build();
    }

    void awaitOwnership(String request) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM request_ownership WHERE request_id = ?", Integer.class, request) == 1);
    }

    void awaitAssistantStatus(String request, String status) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForList(
                "SELECT status FROM message_view WHERE request_id = ? AND role = 'assistant'", String.class, request)
                .contains(status));
    }

    Map<String, Object> assistantRow(String request) {
        return jdbc.queryForMap("SELECT * FROM message_view WHERE request_id = ? AND role = 'assistant'", request);
    }

    double activeStreams() {
        return meters.get("chat.query.answer.streams.active").gauge().value();
    }
}
