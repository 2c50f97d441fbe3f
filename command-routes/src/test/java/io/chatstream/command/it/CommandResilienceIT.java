package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The command service when its dependencies fail or compete: nothing lost, no INTERNAL, recovery. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("The command service under failure")
class CommandResilienceIT extends CommandItSupport {

    @Test
    @DisplayName("does not relay while another instance holds the relay lease")
    void relayLease() throws InterruptedException {
        jdbc.update("UPDATE outbox_relay_lease SET owner = 'relay-other-instance', "
                + "lease_until = UTC_TIMESTAMP(6) + INTERVAL 1 HOUR WHERE name = 'relay'");
        try {
            stub.submitPrompt(request("it-user-11", "", "wait for the lease", "it-req-0111").build());
            Thread.sleep(2500); // longer than the relay's fallback poll
            assertThat(submitted.count(r -> r.value().contains("it-req-0111"))).isZero();
        } finally {
            jdbc.update("UPDATE outbox_relay_lease SET lease_until = UTC_TIMESTAMP(6) WHERE name = 'relay'");
        }

        submitted.await(r -> r.value().contains("it-req-0111"));
    }

    @Test
    @Order(Integer.MAX_VALUE - 2)
    @DisplayName("still answers repeats from the database while Redis is down")
    void redisOutage() {
        SubmitPromptResponse first = stub.submitPrompt(request("it-user-9", "", "cache me", "it-req-0091").build());
        redis.stop();
        try {
            SubmitPromptResponse again = stub.submitPrompt(request("it-user-9", "", "cache me", "it-req-0091").build());
            SubmitPromptResponse other = stub.submitPrompt(request("it-user-9", "", "new one", "it-req-0092").build());

            assertThat(again).isEqualTo(first);
            assertThat(other.getTurn()).isEqualTo(1);
        } finally {
            redis.restart();
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    @DisplayName("answers UNAVAILABLE, not INTERNAL, while the database is down, and recovers")
    void databaseOutage() {
        db.stop();
        try {
            assertError(() -> stub.submitPrompt(request("it-user-10", "", "anyone?", "it-req-0101").build()),
                    Status.Code.UNAVAILABLE, ErrorCodes.DEPENDENCY_UNAVAILABLE);
        } finally {
            db.restart();
        }
        SubmitPromptResponse response = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .until(() -> stub.submitPrompt(request("it-user-10", "", "anyone?", "it-req-0101").build()),
                        r -> r != null);
        assertThat(response.getStatus()).isEqualTo("accepted");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("keeps accepting while Kafka is down and publishes the pending prompt once it is back")
    void kafkaOutage() {
        kafka.stop();
        SubmitPromptResponse response;
        try {
            response = stub.submitPrompt(request("it-user-6", "", "during the outage", "it-req-0061").build());
            // Longer than the relay's Kafka max-block: its run fails and the row must stay pending.
            await().pollDelay(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(8)).until(() -> true);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND payload LIKE ?",
                    Integer.class, "%it-req-0061%")).isEqualTo(1);
        } finally {
            kafka.restart();
        }

        assertThat(response.getStatus()).isEqualTo("accepted");
        ConsumerRecord<String, String> record = submitted.await(r -> r.value().contains("it-req-0061"));
        assertThat(record.key()).isEqualTo(response.getSessionId());
    }
}
