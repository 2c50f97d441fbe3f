package io.chatstream.worker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.SessionTitleSuggested;
import io.chatstream.worker.WorkerApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Titles of new conversations: real Kafka and Redis, the simulator's deterministic titles. */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DisplayName("The worker suggesting titles for new conversations")
class SessionTitleIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WorkerInfra infra;
    private static KafkaProbe probe;
    private static TitleReader titles;

    @BeforeAll
    static void startInfra() {
        infra = new WorkerInfra();
        probe = new KafkaProbe(infra.kafka.bootstrapServers());
        titles = new TitleReader(infra.kafka.bootstrapServers());
    }

    @AfterAll
    static void stopInfra() throws Exception {
        titles.close();
        probe.close();
        infra.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        infra.register(registry);
    }

    @Test
    @DisplayName("a completed first answer yields SessionTitleSuggested, keyed by the session, with the simulator's title")
    void firstAnswer() throws Exception {
        PromptSubmitted prompt = submit(session(), "how do **Kafka** consumer groups work? [sim:chunks=3]", List.of());

        ConsumerRecord<String, String> record = titles.await(prompt.getSessionId());

        SessionTitleSuggested title = EventJson.read(record.value(), SessionTitleSuggested.getDefaultInstance());
        assertThat(title.getTitle()).isEqualTo("How Do Kafka Consumer Groups");
        assertThat(title.getUserId()).isEqualTo(prompt.getUserId());
        assertThat(title.getTraceId()).isEqualTo(prompt.getTraceId());
        assertThat(title.getEventId()).isNotBlank();
        assertThat(title.hasSuggestedAt()).isTrue();
        AnswerCompleted outcome = probe.outcomes.get(prompt.getRequestId()).get(0);
        assertThat(outcome.getPrompt()).isEqualTo(prompt.getPrompt());
        assertThat(infra.simulator.stats().scenario("title")).isPositive();
    }

    @Test
    @DisplayName("a Chinese first prompt gets a Chinese title")
    void chinese() throws Exception {
        PromptSubmitted prompt = submit(session(), "帮我写一份周末旅行计划，去杭州 [sim:chunks=3]", List.of());

        SessionTitleSuggested title = EventJson.read(titles.await(prompt.getSessionId()).value(),
                SessionTitleSuggested.getDefaultInstance());
        assertThat(title.getTitle()).isEqualTo("帮我写一份周末旅行计划去");
    }

    @Test
    @DisplayName("a second turn's answer and a failed first answer yield no title")
    void noTitle() throws Exception {
        PromptSubmitted second = submit(session(), "and then? [sim:chunks=3]",
                List.of(Prompts.turn("user", "first"), Prompts.turn("assistant", "answer")));
        PromptSubmitted failed = submit(session(), "doomed [sim:bad-request]", List.of());
        await().atMost(WAIT).until(() -> probe.outcomes.containsKey(second.getRequestId())
                && probe.outcomes.containsKey(failed.getRequestId()));
        assertThat(probe.outcomes.get(second.getRequestId()).get(0).getPrompt()).isEmpty();

        // One partition each or not: a later first answer's title shows the flow has moved past them.
        PromptSubmitted later = submit(session(), "later one [sim:chunks=3]", List.of());
        titles.await(later.getSessionId());
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        titles.await(later.getSessionId()); // one more poll
        assertThat(titles.seen).doesNotContainKeys(second.getSessionId(), failed.getSessionId());
    }

    private static String session() {
        return "session-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PromptSubmitted submit(String session, String text, List<ContextTurn> context) throws Exception {
        PromptSubmitted prompt = Prompts.prompt(session, text, context);
        probe.send("chat.prompt.submitted", prompt.getSessionId(), EventJson.write(prompt));
        return prompt;
    }

    /** Reads chat.session.titles from the beginning, by record key. */
    private static final class TitleReader implements AutoCloseable {

        final Map<String, ConsumerRecord<String, String>> seen = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, String> consumer;

        TitleReader(String brokers) {
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "titles-" + UUID.randomUUID());
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(c);
            consumer.subscribe(List.of("chat.session.titles"));
        }

        synchronized ConsumerRecord<String, String> await(String key) {
            return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.put(r.key(), r));
                return seen.get(key);
            }, r -> r != null);
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }
    }
}
