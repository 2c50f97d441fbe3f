package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chatstream.command.CommandApplication;
import io.chatstream.contracts.ErrorCodes;
import io.chatstream.localinfra.ChatTopics;
import io.chatstream.localinfra.KafkaBroker;
import io.chatstream.localinfra.MariaDbServer;
import io.chatstream.localinfra.Ports;
import io.chatstream.localinfra.RedisServer;
import io.chatstream.proto.v1.ChatCommandServiceGrpc;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.grpc.ManagedChannel;
import io.chatstream.support.identity.TestGateway;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts real MariaDB, Kafka and Redis (local-infra) once per test class, boots the command
 * service against them and offers a real grpc-java client.
 */
// StopInfrastructure comes first so that it runs last: after Spring closed the context (AFTER_CLASS).
@ExtendWith(CommandItSupport.StopInfrastructure.class)
@SpringBootTest(classes = CommandApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class CommandItSupport {

    static int grpcPort;
    static KafkaBroker kafka;
    static MariaDbServer db;
    static RedisServer redis;
    static ManagedChannel channel;
    static TopicReader submitted;
    static TopicReader cancelled;
    static TopicReader sessionChanged;

    @Autowired
    StringRedisTemplate redisTemplate;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    ChatCommandServiceGrpc.ChatCommandServiceBlockingStub stub;

    @BeforeAll
    static void startInfrastructure() {
        Path dir = Path.of("target", "it-" + System.nanoTime());
        kafka = KafkaBroker.start(0, dir.resolve("kafka"));
        kafka.createTopics(ChatTopics.defaults());
        db = MariaDbServer.start(0, dir.resolve("mariadb"));
        db.createDatabase("chat_command", "chat_command", "chat_command");
        redis = RedisServer.start(0, dir.resolve("redis"));
        submitted = new TopicReader(kafka.bootstrapServers(), "chat.prompt.submitted");
        cancelled = new TopicReader(kafka.bootstrapServers(), "chat.prompt.cancelled");
        sessionChanged = new TopicReader(kafka.bootstrapServers(), "chat.session.changed");
        grpcPort = Ports.free();
        // Every call signed as the gateway signs it, for the user of its request (service identity).
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext()
                .intercept(TestGateway.forCommand()).build();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> db.jdbcUrl("chat_command"));
        registry.add("chat.kafka.brokers", () -> kafka.bootstrapServers());
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> redis.port());
        registry.add("chat.grpc.port", () -> grpcPort);
        registry.add("chat.grpc.host", () -> "127.0.0.1");
        registry.add("chat.service-identity.gateway-keys", () -> TestGateway.COMMAND_KEY);
        registry.add("chat.metrics.kafka-offsets-interval", () -> "1s");
        // Small enough for CommandServiceIT.dailyTokenBudget to use up; no other test's answers carry usage.
        registry.add("chat.quota.daily-tokens", () -> "1000");
    }

    @BeforeEach
    void client() {
        stub = ChatCommandServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    /** Stops what {@link #startInfrastructure()} started, once the Spring context is closed. */
    static final class StopInfrastructure implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            submitted.close();
            cancelled.close();
            sessionChanged.close();
            redis.close();
            db.close();
            kafka.close();
        }
    }

    static SubmitPromptRequest.Builder request(String user, String session, String prompt, String requestId) {
        return SubmitPromptRequest.newBuilder().setUserId(user).setSessionId(session).setPrompt(prompt)
                .setRequestId(requestId);
    }

    static <T> List<T> concurrently(int callers, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return call.call();
                }));
            }
            gate.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertError(Runnable call, Status.Code status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(status);
            assertThat(ErrorCodes.codeOf(e)).isEqualTo(code);
        });
    }
}
