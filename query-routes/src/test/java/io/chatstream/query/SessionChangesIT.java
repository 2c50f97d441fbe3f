package io.chatstream.query;

import static io.chatstream.query.QueryItMessages.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.ListSessionsRequest;
import io.chatstream.proto.v1.ListSessionsResponse;
import io.chatstream.proto.v1.SessionChanged;
import io.chatstream.proto.v1.SessionPinned;
import io.chatstream.proto.v1.SessionRenamed;
import io.chatstream.proto.v1.SessionView;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** chat.session.changed end to end: renames retitle, pins keep sessions on top, deletes make a session vanish for good. */
class SessionChangesIT extends QueryServiceItBase {

    private List<SessionView> sessionsOf(String user) {
        return stub().listSessions(ListSessionsRequest.newBuilder().setUserId(user).build()).getSessionsList();
    }

    private static void assertNotFound(Runnable call, String code) {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ErrorCodes.codeOf(e)).isEqualTo(code);
    }

    @Test
    @DisplayName("a rename retitles the session and outranks the first prompt's title")
    void rename() {
        String user = "carol-" + System.nanoTime();
        Instant t0 = Instant.now().minusSeconds(60);
        String session = UUID.randomUUID().toString();
        // The rename arrives before the first prompt is projected: the prompt must not overwrite it.
        changeSession(session, user, t0.plusSeconds(5), false, "Trip to Rome 🇮🇹");
        submitAs(user, UUID.randomUUID().toString(), session, "What should I see in Rome?", 1, t0);

        await().atMost(Duration.ofSeconds(20)).until(() -> sessionsOf(user).size() == 1
                && sessionsOf(user).get(0).getMessageCount() == 2);
        assertThat(sessionsOf(user).get(0).getTitle()).isEqualTo("Trip to Rome 🇮🇹");

        changeSession(session, user, t0.plusSeconds(10), false, "Rome 2027");
        await().atMost(Duration.ofSeconds(20)).until(() -> sessionsOf(user).get(0).getTitle().equals("Rome 2027"));
    }

    private void suggestTitle(String session, String user, Instant at, String title) {
        SessionChanged e = SessionChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setSessionId(session)
                .setUserId(user).setOccurredAt(QueryItMessages.ts(at))
                .setRenamed(SessionRenamed.newBuilder().setTitle(title).setGenerated(true)).build();
        producer.send(new ProducerRecord<>("chat.session.changed", session, EventJson.write(e)));
        producer.flush();
    }

    @Test
    @DisplayName("a suggested title outranks the first prompt's, yields to the owner's rename and never replaces it")
    void suggestedTitle() {
        String user = "dave-" + System.nanoTime();
        Instant t0 = Instant.now().minusSeconds(60);
        String session = UUID.randomUUID().toString();
        // The suggestion arrives before the first prompt is projected: the prompt must not overwrite it.
        suggestTitle(session, user, t0.plusSeconds(5), "Sights In Rome");
        submitAs(user, UUID.randomUUID().toString(), session, "What should I see in Rome?", 1, t0);
        await().atMost(Duration.ofSeconds(20)).until(() -> sessionsOf(user).size() == 1
                && sessionsOf(user).get(0).getMessageCount() == 2);
        assertThat(sessionsOf(user).get(0).getTitle()).isEqualTo("Sights In Rome");

        // The owner's rename wins even when its clock reads earlier; a later suggestion never replaces it.
        changeSession(session, user, t0.plusSeconds(4), false, "Rome with kids");
        suggestTitle(session, user, t0.plusSeconds(20), "Sights In Rome");
        String marker = UUID.randomUUID().toString();
        changeSession(marker, user, t0.plusSeconds(30), false, "marker");
        await().atMost(Duration.ofSeconds(20)).until(() -> sessionsOf(user).size() == 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT title FROM session_view WHERE session_id = ?", String.class, session).equals("Rome with kids"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT title FROM session_view WHERE session_id = ?", String.class, session).equals("Rome with kids"));
    }

    @Test
    @DisplayName("a delete removes the session from lists, history and answer streams; late events stay ignored")
    void delete() {
        String user = USER;
        Instant t0 = Instant.now().minusSeconds(60);
        Ids kept = submit("keep me", 1, t0);
        Ids gone = submit("forget me", 1, t0.plusSeconds(1));
        completeWithReasoning(gone, "completed", "private answer", "private reasoning", t0.plusSeconds(2));
        awaitAssistantStatus(gone.request(), "completed");

        changeSession(gone.session(), user, t0.plusSeconds(3), true, "");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM session_view WHERE session_id = ? AND deleted", Integer.class, gone.session()) == 1);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_view WHERE session_id = ?", Integer.class,
                gone.session())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM request_ownership WHERE session_id = ?", Integer.class,
                gone.session())).isZero();
        assertThat(sessionsOf(user)).extracting(SessionView::getSessionId)
                .contains(kept.session()).doesNotContain(gone.session());
        assertNotFound(() -> stub().getSessionMessages(messages(gone.session(), "", 10)), ErrorCodes.SESSION_NOT_FOUND);
        assertNotFound(() -> stub().streamAnswer(request(gone.request(), user, 0)).forEachRemaining(c -> { }),
                ErrorCodes.REQUEST_NOT_FOUND);

        // Late and repeated events: a prompt, an answer, a rename and the delete again.
        String late = UUID.randomUUID().toString();
        submit(late, gone.session(), "late prompt", 2, t0.plusSeconds(4));
        complete(new Ids(late, gone.session()), "completed", "late answer", t0.plusSeconds(5));
        changeSession(gone.session(), user, t0.plusSeconds(6), false, "back again?");
        changeSession(gone.session(), user, t0.plusSeconds(7), true, "");
        producer.send(new ProducerRecord<>("chat.session.changed", gone.session(), "{not json"));
        // Markers on every topic, after the late events, prove those were consumed before we look.
        Ids marker = submit("marker", 1, Instant.now());
        complete(marker, "completed", "m", Instant.now());
        changeSession(marker.session(), user, Instant.now(), false, "marker title");
        awaitAssistantStatus(marker.request(), "completed");
        await().atMost(Duration.ofSeconds(20)).until(() -> "marker title".equals(jdbc.queryForObject(
                "SELECT title FROM session_view WHERE session_id = ?", String.class, marker.session())));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_view WHERE session_id = ?", Integer.class,
                gone.session())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM request_ownership WHERE session_id = ?", Integer.class,
                gone.session())).isZero();
        assertThat(jdbc.queryForMap("SELECT title, deleted FROM session_view WHERE session_id = ?", gone.session()))
                .containsEntry("title", "").containsEntry("deleted", true);
        assertThat(sessionsOf(user)).extracting(SessionView::getSessionId).doesNotContain(gone.session());
        assertThat(stub().getSessionMessages(messages(kept.session(), "", 10)).getMessagesCount()).isEqualTo(2);
    }

    private void pin(String session, String user, boolean pinned, Instant at) {
        SessionChanged e = SessionChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setSessionId(session)
                .setUserId(user).setOccurredAt(QueryItMessages.ts(at))
                .setPinned(SessionPinned.newBuilder().setPinned(pinned)).build();
        producer.send(new ProducerRecord<>("chat.session.changed", session, EventJson.write(e)));
        producer.flush();
    }

    /** The whole list, {@code size} at a time, following next_cursor. */
    private List<List<String>> pagesOf(String user, int size) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = "";
        do {
            ListSessionsResponse page = stub().listSessions(ListSessionsRequest.newBuilder().setUserId(user)
                    .setPage(cursor).setPageSize(size).build());
            pages.add(page.getSessionsList().stream().map(SessionView::getSessionId).toList());
            cursor = page.getNextCursor();
        } while (!cursor.isEmpty());
        return pages;
    }

    private boolean pinnedInView(String session) {
        return jdbc.queryForObject("SELECT pinned FROM session_view WHERE session_id = ?", Boolean.class, session);
    }

    @Test
    @DisplayName("pinned sessions list first and page exactly across the boundary; a late older change is ignored")
    void pinnedFirst() {
        String user = "erin-" + System.nanoTime();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        List<String> s = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // Ids in the reverse of time order, so the id tie-break could not fake the order.
            s.add("session-" + (9 - i) + "-" + UUID.randomUUID());
            submitAs(user, UUID.randomUUID().toString(), s.get(i), "prompt " + i, 1, t0.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sessionsOf(user).size() == 5);

        pin(s.get(0), user, true, t0.plusSeconds(100));
        pin(s.get(2), user, true, t0.plusSeconds(101));
        pin(s.get(3), user, true, t0.plusSeconds(102));
        pin(s.get(3), user, false, t0.plusSeconds(110));
        pin(s.get(3), user, true, t0.plusSeconds(105)); // older than the unpin, delivered after it
        // A marker after the late change, on the same partition (same key), proves that one was consumed; a
        // chosen version neither pins nor moves the session in time.
        String head = UUID.randomUUID().toString();
        selectVersion(s.get(3), head, head, 1, t0.plusSeconds(130));
        await().atMost(Duration.ofSeconds(20)).until(() -> pinnedInView(s.get(0)) && pinnedInView(s.get(2))
                && head.equals(jdbc.queryForObject("SELECT head_request_id FROM session_view WHERE session_id = ?",
                        String.class, s.get(3))));

        assertThat(pinnedInView(s.get(3))).isFalse();
        assertThat(jdbc.queryForObject("SELECT pinned_changed_at FROM session_view WHERE session_id = ?",
                LocalDateTime.class, s.get(3))).isEqualTo(LocalDateTime.ofInstant(t0.plusSeconds(110), ZoneOffset.UTC));
        List<String> expected = List.of(s.get(2), s.get(0), s.get(4), s.get(3), s.get(1));
        assertThat(sessionsOf(user)).extracting(SessionView::getSessionId).containsExactlyElementsOf(expected);
        assertThat(sessionsOf(user)).extracting(SessionView::getPinned).containsExactly(true, true, false, false, false);
        assertThat(pagesOf(user, 1)).flatExtracting(p -> p).containsExactlyElementsOf(expected);
        assertThat(pagesOf(user, 2)).containsExactly(List.of(s.get(2), s.get(0)), List.of(s.get(4), s.get(3)),
                List.of(s.get(1)));
        assertThat(pagesOf(user, 3)).containsExactly(List.of(s.get(2), s.get(0), s.get(4)), List.of(s.get(3), s.get(1)));
    }
}
