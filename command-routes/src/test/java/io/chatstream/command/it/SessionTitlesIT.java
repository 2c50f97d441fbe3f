package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.SessionChanged;
import io.chatstream.proto.v1.SessionTitleSuggested;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The command service applying suggested titles (chat.session.titles)")
class SessionTitlesIT extends CommandItSupport {

    private static String suggestion(String session, String user, String title) {
        return EventJson.write(SessionTitleSuggested.newBuilder().setEventId(UUID.randomUUID().toString())
                .setSessionId(session).setUserId(user).setTitle(title).build());
    }

    private void suggest(String session, String user, String title) {
        AnswerWriter.send(kafka.bootstrapServers(), "chat.session.titles", session, suggestion(session, user, title));
    }

    private String title(String session) {
        return jdbc.queryForObject("SELECT title FROM sessions WHERE id = ?", String.class, session);
    }

    @Test
    @DisplayName("an untitled session takes the suggestion and publishes SessionChanged{renamed, generated}; a redelivery publishes nothing")
    void applied() throws InterruptedException {
        String session = stub.submitPrompt(request("it-title-1", "", "how do consumer groups work", "").build())
                .getSessionId();

        suggest(session, "it-title-1", "How Do Consumer Groups Work");

        ConsumerRecord<String, String> record = sessionChanged.await(r -> r.key().equals(session));
        SessionChanged event = EventJson.read(record.value(), SessionChanged.getDefaultInstance());
        assertThat(event.getChangeCase()).isEqualTo(SessionChanged.ChangeCase.RENAMED);
        assertThat(event.getRenamed().getTitle()).isEqualTo("How Do Consumer Groups Work");
        assertThat(event.getRenamed().getGenerated()).isTrue();
        assertThat(title(session)).isEqualTo("How Do Consumer Groups Work");
        assertThat(jdbc.queryForObject("SELECT title_generated FROM sessions WHERE id = ?", Boolean.class, session))
                .isTrue();

        suggest(session, "it-title-1", "How Do Consumer Groups Work");
        Thread.sleep(2500); // longer than the relay's fallback poll
        assertThat(sessionChanged.count(r -> r.key().equals(session))).isEqualTo(1);
    }

    @Test
    @DisplayName("the person's rename before the suggestion wins; their rename after it replaces it")
    void renameWins() {
        String renamedFirst = stub.submitPrompt(request("it-title-2", "", "plan a trip", "").build()).getSessionId();
        stub.renameSession(RenameSessionRequest.newBuilder().setUserId("it-title-2").setSessionId(renamedFirst)
                .setTitle("My trip").build());
        suggest(renamedFirst, "it-title-2", "Plan A Trip");
        String later = stub.submitPrompt(request("it-title-3", "", "bake bread", "").build()).getSessionId();
        suggest(later, "it-title-3", "Bake Bread");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Bake Bread".equals(title(later)));

        // The two sessions may sit on different partitions: give the earlier suggestion time to be read too.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> "My trip".equals(title(renamedFirst)));
        assertThat(sessionChanged.count(r -> r.key().equals(renamedFirst))).isEqualTo(1); // the rename only

        stub.renameSession(RenameSessionRequest.newBuilder().setUserId("it-title-3").setSessionId(later)
                .setTitle("Sourdough").build());
        ConsumerRecord<String, String> own = sessionChanged.await(r -> r.key().equals(later)
                && r.value().contains("Sourdough"));
        assertThat(EventJson.read(own.value(), SessionChanged.getDefaultInstance()).getRenamed().getGenerated()).isFalse();
        assertThat(jdbc.queryForObject("SELECT title_generated FROM sessions WHERE id = ?", Boolean.class, later))
                .isFalse();
    }

    @Test
    @DisplayName("a suggestion for a deleted, unknown or someone else's session, or an unreadable one, changes nothing and stops nothing")
    void ignored() {
        String deleted = stub.submitPrompt(request("it-title-4", "", "forget me", "").build()).getSessionId();
        stub.deleteSession(DeleteSessionRequest.newBuilder().setUserId("it-title-4").setSessionId(deleted).build());
        String strangers = stub.submitPrompt(request("it-title-5", "", "mine", "").build()).getSessionId();

        AnswerWriter.send(kafka.bootstrapServers(), "chat.session.titles", deleted, "{not json");
        suggest(deleted, "it-title-4", "Forget Me");
        suggest(UUID.randomUUID().toString(), "it-title-4", "Nobody");
        suggest(strangers, "it-title-other", "Not Yours");
        String marker = stub.submitPrompt(request("it-title-6", "", "still going", "").build()).getSessionId();
        suggest(marker, "it-title-6", "Still Going");

        await().atMost(Duration.ofSeconds(30)).until(() -> "Still Going".equals(title(marker)));
        assertThat(title(strangers)).isNull();
        assertThat(sessionChanged.count(r -> r.key().equals(deleted))).isEqualTo(1); // its deletion only
        assertThat(sessionChanged.count(r -> r.key().equals(strangers))).isZero();
    }
}
