package io.chatstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.proto.v1.GetSessionMessagesResponse;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.ListSessionsResponse;
import io.chatstream.query.projection.application.RebuildResult;
import io.chatstream.query.projection.application.RebuildingReadModel;
import io.chatstream.query.projection.infrastructure.JdbcReadModelStore;
import io.chatstream.query.projection.infrastructure.KafkaProjectionLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The rebuild command's use case against the real topics, consumer groups and tables. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildReadModelIT extends QueryServiceItBase {

    private static final List<String> PROJECTIONS =
            List.of("query-project-prompt", "query-project-answer", "query-project-session-change");

    @Autowired
    CamelContext camel;
    @Autowired
    TransactionTemplate tx;
    private Admin admin;
    private RebuildingReadModel rebuilding;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()));
        KafkaProjectionLog log = new KafkaProjectionLog(admin,
                List.of("chat.prompt.submitted", "chat.answer.completed", "chat.session.changed"),
                List.of("query-prompts", "query-answers", "query-sessions"), Duration.ofSeconds(30));
        rebuilding = new RebuildingReadModel(new JdbcReadModelStore(jdbc, tx), log);
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    @Order(1)
    @DisplayName("after a rebuild the replayed views equal the live ones; refused while the projections run")
    void rebuildsTheSameViews() throws Exception {
        Instant t0 = Instant.now().minusSeconds(120);
        Ids first = submit("what is a read model?", 1, t0);
        Ids second = submit(java.util.UUID.randomUUID().toString(), first.session(), "and a projection?", 2,
                t0.plusSeconds(5));
        completeWithReasoning(first, "completed", "a view built from events", "Explain it by what builds it.",
                t0.plusSeconds(2));
        complete(second, 2, "failed", "", t0.plusSeconds(7));
        changeSession(first.session(), USER, t0.plusSeconds(9), false, "Read models");
        Ids deleted = submit("forget me", 1, t0.plusSeconds(10));
        changeSession(deleted.session(), USER, t0.plusSeconds(11), true, "");
        awaitAssistantStatus(second.request(), "failed");
        await().atMost(Duration.ofSeconds(30)).until(() -> sessions().getSessionsList().stream()
                .anyMatch(s -> s.getTitle().equals("Read models"))
                && sessions().getSessionsList().stream().noneMatch(s -> s.getSessionId().equals(deleted.session())));
        GetSessionMessagesResponse liveMessages = stub().getSessionMessages(messages(first.session(), "", 50));
        ListSessionsResponse liveSessions = sessions();
        assertThat(liveMessages.getMessages(1).getReasoning()).as("the replay must reproduce the reasoning too")
                .isEqualTo("Explain it by what builds it.");

        assertThat(rebuilding.rebuild(false)).isInstanceOfSatisfying(RebuildResult.Refused.class,
                r -> assertThat(r.reason()).contains("query-prompts"));
        assertThat(count("message_view")).isPositive();

        for (String route : PROJECTIONS) {
            camel.getRouteController().stopRoute(route);
        }
        await("the projections left their groups").atMost(Duration.ofSeconds(60))
                .until(() -> !(rebuilding.rebuild(false) instanceof RebuildResult.Refused));

        assertThat(count("message_view") + count("session_view") + count("request_ownership")).isZero();
        for (String route : PROJECTIONS) {
            camel.getRouteController().startRoute(route);
        }
        await("the views are replayed").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            assertThat(stub().getSessionMessages(messages(first.session(), "", 50))).isEqualTo(liveMessages);
            assertThat(sessions()).isEqualTo(liveSessions);
        });
    }

    @Test
    @Order(2)
    @DisplayName("when retention already deleted events the rebuild is refused unless allowed, and names the partition")
    void refusesPartialHistory() throws Exception {
        TopicPartition partition = new TopicPartition("chat.answer.completed", 0);
        long end = admin.listOffsets(Map.of(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()))
                .all().get().get(partition).offset();
        if (end == 0) {
            complete(new Ids(java.util.UUID.randomUUID().toString(), "partition-zero-0000"), "completed", "x",
                    Instant.now());
        }
        for (String route : PROJECTIONS) {
            camel.getRouteController().stopRoute(route);
        }
        try {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(1))).all().get();
            long rows = count("message_view");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rebuilding.rebuild(false))
                    .isInstanceOfSatisfying(RebuildResult.Refused.class,
                            r -> assertThat(r.reason()).contains("chat.answer.completed-0")));
            assertThat(count("message_view")).isEqualTo(rows);
            assertThat(rebuilding.rebuild(true)).isInstanceOfSatisfying(RebuildResult.Rewound.class,
                    r -> assertThat(r.partial()).contains("chat.answer.completed-0"));
        } finally {
            for (String route : PROJECTIONS) {
                camel.getRouteController().startRoute(route);
            }
        }
    }

    private ListSessionsResponse sessions() {
        return stub().listSessions(ListSessionsRequest.newBuilder().setUserId(USER).setPageSize(100).build());
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
