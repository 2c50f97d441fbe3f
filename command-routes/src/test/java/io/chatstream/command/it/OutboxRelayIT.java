package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.proto.v1.ChatCommandServiceGrpc;
import io.chatstream.proto.v1.SubmitPromptResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The batched outbox relay against real Kafka and MariaDB: many prompts across sessions go out
 * exactly once (no failure) or at least once (Kafka stopped mid-way), always in each session's turn
 * order, and every row ends up marked sent. No timing assertions; the bulk test prints the rate.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The batched outbox relay")
class OutboxRelayIT extends CommandItSupport {

    private static final int SESSIONS = 8;
    private static final int TURNS = 15;

    @Autowired
    CamelContext camel;

    /** A turn's answer never comes back here: a tiny in-flight timeout lets the next turn in at once. */
    @DynamicPropertySource
    static void quickTurns(DynamicPropertyRegistry registry) {
        registry.add("chat.session.in-flight-timeout", () -> "1ms");
        // Small batches, so the cleanup test drops its rows in several of them.
        registry.add("chat.outbox.cleanup-batch-size", () -> "50");
    }

    @Autowired
    io.chatstream.command.outbox.infrastructure.OutboxCleanup cleanup;

    @Test
    @Order(1)
    @DisplayName("publishes prompts submitted quickly into several sessions exactly once, in turn order, and marks them sent")
    void manySessions() throws Exception {
        submitTurns("many", SESSIONS, TURNS, null);

        Map<Integer, List<Integer>> turns = awaitTurns("many", SESSIONS * TURNS);
        for (int s = 0; s < SESSIONS; s++) {
            assertThat(turns.get(s)).as("session %d", s).containsExactlyElementsOf(range(TURNS));
        }
        awaitNothingPending();
    }

    @Test
    @Order(2)
    @DisplayName("relays a large backlog across many keys exactly once and in id order per key")
    void backlog() {
        int keys = 50;
        int rows = 2000;
        jdbc.update("UPDATE outbox_relay_lease SET owner = 'relay-other-instance', "
                + "lease_until = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR WHERE name = 'relay'");
        List<Object[]> batch = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < rows; i++) {
            batch.add(new Object[] {"chat.prompt.submitted", "backlog-key-" + (i % keys),
                    "{\"request_id\":\"it-relay-backlog-s" + (i % keys) + "-t" + (i / keys) + "\"}", now});
        }
        jdbc.batchUpdate("INSERT INTO outbox (topic, msg_key, payload, created_at) VALUES (?, ?, ?, ?)", batch);

        long start = System.nanoTime();
        jdbc.update("UPDATE outbox_relay_lease SET lease_until = UTC_TIMESTAMP(6) WHERE name = 'relay'");
        camel.createProducerTemplate().sendBody("seda:outbox-relay-run?size=1&discardWhenFull=true", "trigger");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", Integer.class) == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("outbox relay IT: backlog of %d rows relayed in %.2f s = %.0f rows/s%n",
                rows, seconds, rows / seconds);

        Map<Integer, List<Integer>> turns = awaitTurns("backlog", rows);
        for (int s = 0; s < keys; s++) {
            assertThat(turns.get(s)).as("key %d", s).containsExactlyElementsOf(range(rows / keys));
        }
    }

    @Test
    @Order(3)
    @DisplayName("keeps every session's order when Kafka stops mid-way, and relays everything once it is back")
    void kafkaStopsMidway() throws Exception {
        int turns = 10;
        submitTurns("outage", 4, turns, turn -> {
            if (turn == 3) {
                kafka.stop();
            } else if (turn == 7) {
                // Long enough for the relay to hit the dead broker: sends fail, rows must stay pending.
                await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", Integer.class))
                        .isPositive();
                kafka.restart();
            }
        });

        Map<Integer, List<Integer>> seen = awaitTurns("outage", 4 * turns);
        for (int s = 0; s < 4; s++) {
            // At least once: a record whose ack was lost with the broker may come twice, but never out of order.
            assertThat(seen.get(s)).as("session %d", s).isSorted().containsAll(range(turns));
        }
        awaitNothingPending();
    }

    /**
     * Submits {@code turns} prompts into each of {@code sessions} sessions, sessions in parallel;
     * {@code betweenTurns} (if any) runs on the first session's thread before each of its turns.
     */
    private void submitTurns(String run, int sessions, int turns, java.util.function.IntConsumer betweenTurns)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < sessions; s++) {
                int session = s;
                done.add(pool.submit(() -> {
                    String sessionId = "";
                    for (int t = 0; t < turns; t++) {
                        if (session == 0 && betweenTurns != null) {
                            betweenTurns.accept(t);
                        }
                        // A fresh deadline per call: the test outlives the shared stub's.
                        SubmitPromptResponse response = ChatCommandServiceGrpc.newBlockingStub(channel)
                                .withDeadlineAfter(20, TimeUnit.SECONDS).submitPrompt(request("it-relay-user-" + run + session,
                                sessionId, "turn " + t, "it-relay-" + run + "-s" + session + "-t" + t).build());
                        assertThat(response.getStatus()).isEqualTo("accepted");
                        sessionId = response.getSessionId();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until {@code expected} records of the run were seen; returns each session's turns in topic order. */
    private static Map<Integer, List<Integer>> awaitTurns(String run, int expected) {
        Pattern id = Pattern.compile("it-relay-" + run + "-s(\\d+)-t(\\d+)\"");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> submitted.count(r -> r.value().contains("it-relay-" + run + "-")) >= expected);
        // Let a straggling duplicate, if any, show up before the order is judged.
        submitted.count(r -> true);
        Map<Integer, List<Integer>> turns = new HashMap<>();
        Map<Integer, String> keys = new HashMap<>();
        for (ConsumerRecord<String, String> r : submitted.all()) {
            Matcher m = id.matcher(r.value());
            if (m.find()) {
                int session = Integer.parseInt(m.group(1));
                turns.computeIfAbsent(session, k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
                // One key per session: the partition (and so the order) is the session's.
                assertThat(keys.computeIfAbsent(session, k -> r.key())).isEqualTo(r.key());
            }
        }
        return turns;
    }

    private void awaitNothingPending() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", Integer.class) == 0);
    }

    private static List<Integer> range(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }

    @Test
    @Order(4)
    @DisplayName("the cleanup drops rows sent more than chat.outbox.keep-sent ago, in batches, and never a pending one")
    void cleanupDropsOldSentRows() {
        jdbc.update("UPDATE outbox SET sent_at = UTC_TIMESTAMP(6) - INTERVAL 2 HOUR WHERE sent_at IS NOT NULL");
        jdbc.update("INSERT INTO outbox (topic, msg_key, payload, created_at) VALUES ('chat.outbox.cleanup.test', 'k', '{}', UTC_TIMESTAMP(6))");
        long sentBefore = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL", Long.class);
        assertThat(sentBefore).isGreaterThan(100);

        int dropped = cleanup.run();

        assertThat(dropped).isEqualTo(sentBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND sent_at < UTC_TIMESTAMP(6) - INTERVAL 1 HOUR",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE msg_key = 'k'", Long.class))
                .as("a pending row stays").isEqualTo(1);
        jdbc.update("DELETE FROM outbox WHERE msg_key = 'k'");
    }
}
