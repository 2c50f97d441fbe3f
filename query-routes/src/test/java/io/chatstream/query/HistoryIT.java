package io.chatstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static io.chatstream.query.QueryItMessages.*;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.GetSessionMessagesRequest;
import io.chatstream.proto.v1.GetSessionMessagesResponse;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.ListSessionsResponse;
import io.chatstream.proto.v1.MessageView;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Projections and history end to end: paging, ordering, duplicates, replays, out-of-order events. */
class HistoryIT extends QueryServiceItBase {

    // ---- History -------------------------------------------------------------------------------

    @Test
    @DisplayName("GetSessionMessages lists user and assistant messages with statuses, page by page")
    void pagesMessages() {
        Instant t0 = Instant.now().minusSeconds(60);
        Ids first = submit("first question", 1, t0);
        Ids second = submit(UUID.randomUUID().toString(), first.session(), "second question", 2, t0.plusSeconds(5));
        complete(first, "completed", "first answer", t0.plusSeconds(2));
        awaitAssistantStatus(first.request(), "completed");
        awaitAssistantStatus(second.request(), "queued");

        GetSessionMessagesResponse all = stub().getSessionMessages(messages(first.session(), "", 0));
        assertThat(all.getMessagesList()).extracting(MessageView::getRole, MessageView::getStatus, MessageView::getContent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user", "submitted", "first question"),
                        org.assertj.core.groups.Tuple.tuple("assistant", "completed", "first answer"),
                        org.assertj.core.groups.Tuple.tuple("user", "submitted", "second question"),
                        org.assertj.core.groups.Tuple.tuple("assistant", "queued", ""));
        assertThat(all.getNextCursor()).isEmpty();

        List<String> paged = new ArrayList<>();
        String cursor = "";
        do {
            GetSessionMessagesResponse page = stub().getSessionMessages(messages(first.session(), cursor, 1));
            assertThat(page.getMessagesCount()).isEqualTo(1);
            paged.add(page.getMessages(0).getRole() + page.getMessages(0).getTurn());
            cursor = page.getNextCursor();
        } while (!cursor.isEmpty());
        assertThat(paged).containsExactly("user1", "assistant1", "user2", "assistant2");

        assertInvalid(() -> stub().getSessionMessages(messages(first.session(), "", 101)), ErrorCodes.INVALID_PAGE_SIZE);
        assertInvalid(() -> stub().getSessionMessages(messages(first.session(), "%%%", 10)), ErrorCodes.INVALID_CURSOR);
        StatusRuntimeException foreign = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub().getSessionMessages(GetSessionMessagesRequest.newBuilder().setUserId("mallory")
                        .setSessionId(first.session()).build()));
        assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ErrorCodes.codeOf(foreign)).isEqualTo(ErrorCodes.SESSION_NOT_FOUND);
    }

    @Test
    @DisplayName("every connection starts READ COMMITTED, the projections' level, so no transaction switches it")
    void connectionsStartAtTheProjectionsLevel() {
        assertThat(jdbc.queryForObject("SELECT @@SESSION.tx_isolation", String.class)).isEqualTo("READ-COMMITTED");
    }

    @Test
    @DisplayName("ListSessions shows the user's sessions newest first, titled by their first prompt")
    void listsSessionsNewestFirst() {
        String user = "bob-" + System.nanoTime();
        Instant t0 = Instant.now().minusSeconds(3600);
        Ids older = submitAs(user, UUID.randomUUID().toString(), UUID.randomUUID().toString(), "the older one", 1, t0);
        Ids newer = submitAs(user, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "the newer one", 1, t0.plusSeconds(10));
        Ids middle = submitAs(user, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                "the middle one", 1, t0.plusSeconds(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> stub().listSessions(
                ListSessionsRequest.newBuilder().setUserId(user).build()).getSessionsCount() == 3);

        ListSessionsResponse page1 = stub().listSessions(ListSessionsRequest.newBuilder().setUserId(user)
                .setPageSize(2).build());
        ListSessionsResponse page2 = stub().listSessions(ListSessionsRequest.newBuilder().setUserId(user)
                .setPageSize(2).setPage(page1.getNextCursor()).build());

        assertThat(page1.getSessionsList()).extracting(s -> s.getSessionId())
                .containsExactly(newer.session(), middle.session());
        assertThat(page1.getSessions(0).getTitle()).isEqualTo("the newer one");
        assertThat(page1.getSessions(0).getMessageCount()).isEqualTo(2);
        assertThat(page2.getSessionsList()).extracting(s -> s.getSessionId()).containsExactly(older.session());
        assertThat(page2.getNextCursor()).isEmpty();
        assertInvalid(() -> stub().listSessions(ListSessionsRequest.newBuilder().setUserId(user).setPageSize(-1)
                .build()), ErrorCodes.INVALID_PAGE_SIZE);
    }

    @Test
    @DisplayName("GetSessionMessages returns a thinking model's reasoning and the model's name with its answer, and none elsewhere")
    void returnsReasoning() {
        Instant t0 = Instant.now().minusSeconds(30);
        Ids thought = submit("what is 6 x 7?", 1, t0);
        Ids plain = submit(UUID.randomUUID().toString(), thought.session(), "thanks", 2, t0.plusSeconds(5));
        completeWithReasoning(thought, "completed", "42", "6 x 7 = 42; answer with the number.", t0.plusSeconds(2));
        complete(plain, 2, "completed", "You're welcome.", t0.plusSeconds(6));
        awaitAssistantStatus(thought.request(), "completed");
        awaitAssistantStatus(plain.request(), "completed");

        GetSessionMessagesResponse r = stub().getSessionMessages(messages(thought.session(), "", 0));

        assertThat(r.getMessagesList()).extracting(MessageView::getRole, MessageView::getContent,
                MessageView::getReasoning).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("user", "what is 6 x 7?", ""),
                        org.assertj.core.groups.Tuple.tuple("assistant", "42", "6 x 7 = 42; answer with the number."),
                        org.assertj.core.groups.Tuple.tuple("user", "thanks", ""),
                        org.assertj.core.groups.Tuple.tuple("assistant", "You're welcome.", ""));
        assertThat(assistantRow(plain.request()).get("reasoning")).as("no reasoning is stored as NULL").isNull();
        assertThat(r.getMessagesList()).extracting(MessageView::getModel)
                .containsExactly("", ANSWER_MODEL, "", ANSWER_MODEL);
    }

    @Test
    @DisplayName("GetSessionMessages shows the branch the session chose, with each turn's versions, whatever topic came first")
    void showsChosenBranch() {
        Instant t0 = Instant.now().minusSeconds(60);
        String session = UUID.randomUUID().toString();
        Ids q1 = submitVersion("ver-" + UUID.randomUUID(), session, "", "first", 1, 1, t0);
        Ids q2 = submitVersion("ver-" + UUID.randomUUID(), session, q1.request(), "second", 2, 3, t0.plusSeconds(1));
        Ids q2b = submitVersion("ver-" + UUID.randomUUID(), session, q1.request(), "second", 2, 5, t0.plusSeconds(2));
        complete(q2b, 2, "completed", "second answer, again", t0.plusSeconds(3));
        awaitAssistantStatus(q2b.request(), "completed");

        // The answer may be projected before its prompt (two topics): wait for the newest prompt to be shown.
        GetSessionMessagesResponse regenerated = await().atMost(Duration.ofSeconds(20))
                .until(() -> stub().getSessionMessages(messages(session, "", 0)), r -> r.getMessagesCount() == 4
                        && r.getMessages(2).getRequestId().equals(q2b.request()));
        assertThat(regenerated.getMessagesList()).extracting(MessageView::getRequestId)
                .containsExactly(q1.request(), q1.request(), q2b.request(), q2b.request());
        assertThat(regenerated.getMessages(3).getVersionsList()).containsExactly(q2.request(), q2b.request());
        assertThat(regenerated.getMessages(0).getVersionsList()).containsExactly(q1.request());

        selectVersion(session, q2.request(), q2.request(), 7, t0.plusSeconds(4));
        await().atMost(Duration.ofSeconds(20)).until(() -> stub().getSessionMessages(messages(session, "", 0))
                .getMessages(2).getRequestId().equals(q2.request()));
        // A late prompt event of a lower session version does not move the branch back.
        submitVersion(q2b.request(), session, q1.request(), "second", 2, 5, t0.plusSeconds(2));
        Ids marker = submit("marker", 1, Instant.now());
        awaitAssistantStatus(marker.request(), "queued");
        assertThat(stub().getSessionMessages(messages(session, "", 0)).getMessagesList())
                .extracting(MessageView::getRequestId).containsExactly(q1.request(), q1.request(), q2.request(), q2.request());
    }

    // ---- Projection rules ----------------------------------------------------------------------

    @Test
    @DisplayName("A duplicate AnswerCompleted changes nothing; a later completed replaces a failed answer")
    void duplicatesAndReplays() {
        Ids ids = submit("dup test", 1, Instant.now());
        Instant at = Instant.now();
        complete(ids, "failed", "partial", at);
        awaitAssistantStatus(ids.request(), "failed");
        Map<String, Object> afterFailure = assistantRow(ids.request());

        complete(ids, "failed", "partial", at);
        completeWithReasoning(ids, "completed", "full answer", "full reasoning", at.plusSeconds(30));
        awaitAssistantStatus(ids.request(), "completed");
        Map<String, Object> afterSuccess = assistantRow(ids.request());
        completeWithReasoning(ids, "completed", "another text", "another reasoning", at.plusSeconds(60));
        complete(ids, "failed", "late failure", at.plusSeconds(90));
        submit(ids.request(), ids.session(), "dup test", 1, at);
        // A marker event after the duplicates proves they were consumed before we look.
        Ids marker = submit("marker", 1, Instant.now());
        complete(marker, "completed", "m", Instant.now());
        awaitAssistantStatus(marker.request(), "completed");

        assertThat(afterFailure.get("content")).isEqualTo("partial");
        assertThat(afterFailure.get("reasoning")).isNull();
        assertThat(afterSuccess.get("content")).isEqualTo("full answer");
        assertThat(afterSuccess.get("reasoning")).isEqualTo("full reasoning");
        assertThat(assistantRow(ids.request())).isEqualTo(afterSuccess);
    }

    @Test
    @DisplayName("An answer that arrives before its prompt is kept when the prompt is projected")
    void answerBeforePrompt() {
        String request = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        Ids ids = new Ids(request, session);
        Instant at = Instant.now();
        complete(ids, "completed", "early answer", at.plusSeconds(1));
        awaitAssistantStatus(request, "completed");
        producer.send(new ProducerRecord<>("chat.prompt.submitted", session, "{not json"));
        submit(request, session, "the late prompt", 1, at);

        await().atMost(Duration.ofSeconds(20)).until(() -> stub().getSessionMessages(messages(session, "", 0))
                .getMessagesCount() == 2);
        GetSessionMessagesResponse r = stub().getSessionMessages(messages(session, "", 0));
        assertThat(r.getMessages(0).getContent()).isEqualTo("the late prompt");
        assertThat(r.getMessages(1).getStatus()).isEqualTo("completed");
        assertThat(r.getMessages(1).getContent()).isEqualTo("early answer");
        assertThat(stub().listSessions(ListSessionsRequest.newBuilder().setUserId(USER).setPageSize(100).build())
                .getSessionsList()).filteredOn(s -> s.getSessionId().equals(session))
                .singleElement().satisfies(s -> assertThat(s.getTitle()).isEqualTo("the late prompt"));
    }
}
