package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.SelectVersionRequest;
import io.chatstream.proto.v1.SelectVersionResponse;
import io.chatstream.proto.v1.SessionChanged;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Versions of a turn on the real store: the branch walks (recursive SQL), the events, and the upgrade of old data. */
class PromptVersionsIT extends CommandItSupport {

    @Test
    @DisplayName("regenerate, edit and select: each new version sees only its own branch, and the session follows the choice")
    void versions() {
        SubmitPromptResponse first = answered("it-ver-1", "", "q1", "it-ver-0001", "a1");
        String session = first.getSessionId();
        answered("it-ver-1", session, "q2", "it-ver-0002", "a2");

        // A regenerate of turn 2: same text, same turn, context = turn 1 only.
        SubmitPromptResponse regenerated = retrying(() -> stub.submitPrompt(request("it-ver-1", session, "", "it-ver-0003")
                .setVersionOf("it-ver-0002").build()));
        assertThat(regenerated.getTurn()).isEqualTo(2);
        PromptSubmitted event = submittedEvent("it-ver-0003");
        assertThat(event.getPrompt()).isEqualTo("q2");
        assertThat(event.getParentRequestId()).isEqualTo("it-ver-0001");
        assertThat(event.getContextList()).extracting(ContextTurn::getContent).containsExactly("q1", "a1");
        assertThat(event.getSessionVersion()).isPositive();
        assertError(() -> stub.submitPrompt(request("it-ver-1", session, "", "it-ver-0004")
                .setVersionOf("it-ver-0001").build()), Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY);
        answer(session, "it-ver-1", "it-ver-0003", "a2 again");

        // An edit of turn 1 starts a new branch with no context.
        SubmitPromptResponse edited = retrying(() -> stub.submitPrompt(request("it-ver-1", session, "q1 edited",
                "it-ver-0005").setVersionOf("it-ver-0001").build()));
        assertThat(edited.getTurn()).isEqualTo(1);
        assertThat(submittedEvent("it-ver-0005").getContextList()).isEmpty();
        answer(session, "it-ver-1", "it-ver-0005", "b1");

        // Back to the first version of turn 1: its branch continues at its newest prompt, the regenerate.
        SelectVersionResponse shown = retrying(() -> stub.selectVersion(SelectVersionRequest.newBuilder()
                .setUserId("it-ver-1").setRequestId("it-ver-0001").build()));
        assertThat(shown.getHeadRequestId()).isEqualTo("it-ver-0003");
        SessionChanged changed = EventJson.read(sessionChanged.await(r -> r.value().contains("it-ver-0003")
                && r.value().contains("version_selected")).value(), SessionChanged.getDefaultInstance());
        assertThat(changed.getVersionSelected().getRequestId()).isEqualTo("it-ver-0001");
        assertThat(changed.getSessionVersion()).isGreaterThan(event.getSessionVersion());

        retrying(() -> stub.submitPrompt(request("it-ver-1", session, "q3", "it-ver-0006").build()));
        PromptSubmitted third = submittedEvent("it-ver-0006");
        assertThat(third.getTurn()).isEqualTo(3);
        assertThat(third.getParentRequestId()).isEqualTo("it-ver-0003");
        assertThat(third.getContextList()).extracting(ContextTurn::getContent).containsExactly("q1", "a1", "q2", "a2 again");

        assertError(() -> stub.selectVersion(SelectVersionRequest.newBuilder().setUserId("it-ver-2")
                .setRequestId("it-ver-0001").build()), Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND);
    }

    @Test
    @DisplayName("upgrading keeps yesterday's conversations: each prompt follows the turn before, each session ends at its last turn")
    void upgradeOfLineConversations() {
        db.createDatabase("chat_upgrade", "chat_upgrade", "chat_upgrade");
        DriverManagerDataSource source = new DriverManagerDataSource(db.jdbcUrl("chat_upgrade"), "chat_upgrade",
                "chat_upgrade");
        Flyway.configure().dataSource(source).locations("classpath:db/migration").target("4").load().migrate();
        JdbcTemplate old = new JdbcTemplate(source);
        old.update("INSERT INTO sessions (id, user_id, state, next_turn, version, created_at, updated_at) "
                + "VALUES ('s-old', 'u', 'ACTIVE', 3, 4, NOW(6), NOW(6))");
        for (int turn = 1; turn <= 2; turn++) {
            old.update("INSERT INTO prompts (request_id, session_id, user_id, turn, text, trace_id, accepted_at, status) "
                    + "VALUES (?, 's-old', 'u', ?, 'q', '0af7651916cd43dd8448eb211c80319c', NOW(6), 'COMPLETED')",
                    "r-old-" + turn, turn);
        }

        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();

        assertThat(old.queryForList("SELECT parent_request_id FROM prompts ORDER BY turn", String.class))
                .containsExactly(null, "r-old-1");
        assertThat(old.queryForObject("SELECT head_request_id FROM sessions WHERE id = 's-old'", String.class))
                .isEqualTo("r-old-2");
    }

    private SubmitPromptResponse answered(String user, String session, String prompt, String requestId, String answer) {
        SubmitPromptResponse response = retrying(() -> stub.submitPrompt(request(user, session, prompt, requestId).build()));
        submittedEvent(requestId);
        answer(response.getSessionId(), user, requestId, answer);
        return response;
    }

    private static void answer(String session, String user, String requestId, String text) {
        AnswerWriter.send(kafka.bootstrapServers(), session, EventJson.write(AnswerCompleted.newBuilder()
                .setEventId("evt-" + requestId).setRequestId(requestId).setSessionId(session).setUserId(user)
                .setStatus("completed").setText(text).build()));
    }

    private static PromptSubmitted submittedEvent(String requestId) {
        return EventJson.read(submitted.await(r -> r.value().contains("\"request_id\":\"" + requestId + "\"")).value(),
                PromptSubmitted.getDefaultInstance());
    }

    /** Until the answer recorded before has freed the session (it arrives through Kafka). */
    private static <T> T retrying(java.util.concurrent.Callable<T> call) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(StatusRuntimeException.class).until(call, r -> r != null);
    }
}
