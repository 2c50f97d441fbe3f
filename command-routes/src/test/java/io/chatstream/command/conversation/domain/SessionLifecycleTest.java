package io.chatstream.command.conversation.domain;

import static io.chatstream.command.conversation.domain.Fixtures.ALICE;
import static io.chatstream.command.conversation.domain.Fixtures.BOB;
import static io.chatstream.command.conversation.domain.Fixtures.T0;
import static io.chatstream.command.conversation.domain.Fixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Renaming and deleting a conversation session")
class SessionLifecycleTest {

    private final SessionId id = new SessionId("session-1");
    private final ConversationSession session = ConversationSession.start(id, ALICE);
    private final TraceId trace = TraceId.generate();

    @Test
    @DisplayName("the owner renames it: the trimmed title is kept and announced")
    void rename() {
        RenameResult result = session.rename(ALICE, "  Trip to Rome ", trace, T0);

        assertThat(result).isEqualTo(new RenameResult.Renamed(
                new SessionRenamed(id, ALICE, trace, new SessionTitle("Trip to Rome"), T0)));
        assertThat(session.title()).contains(new SessionTitle("Trip to Rome"));
    }

    @Test
    @DisplayName("someone else's rename is answered like a missing session and changes nothing")
    void renameByStranger() {
        assertThat(session.rename(BOB, "mine now", trace, T0))
                .isEqualTo(new RenameResult.Rejected(RenameResult.Reason.NOT_FOUND));
        assertThat(session.title()).isEmpty();
    }

    @Test
    @DisplayName("a blank, too long or multi-line title is refused")
    void invalidTitle() {
        for (String bad : new String[] {" ", "x".repeat(121), "a\nb"}) {
            assertThat(session.rename(ALICE, bad, trace, T0))
                    .isEqualTo(new RenameResult.Rejected(RenameResult.Reason.INVALID_TITLE));
        }
        assertThat(session.title()).isEmpty();
    }

    @Test
    @DisplayName("the owner deletes it: it is gone and the deletion is announced")
    void delete() {
        DeleteResult result = session.delete(ALICE, trace, T0);

        assertThat(result).isEqualTo(new DeleteResult.Deleted(new SessionDeleted(id, ALICE, trace, T0)));
        assertThat(session.isDeleted()).isTrue();
        assertThat(session.state()).isEqualTo(SessionState.DELETED);
    }

    @Test
    @DisplayName("only its owner sees it, and nobody once it is deleted")
    void visibility() {
        assertThat(session.isVisibleTo(ALICE)).isTrue();
        assertThat(session.isVisibleTo(BOB)).isFalse();

        session.delete(ALICE, trace, T0);

        assertThat(session.isVisibleTo(ALICE)).isFalse();
    }

    @Test
    @DisplayName("deleting twice is harmless and announces nothing new")
    void deleteTwice() {
        session.delete(ALICE, trace, T0);

        assertThat(session.delete(ALICE, trace, T0.plusSeconds(1))).isEqualTo(new DeleteResult.AlreadyDeleted());
    }

    @Test
    @DisplayName("a stranger cannot delete it, and learns nothing about it")
    void deleteByStranger() {
        assertThat(session.delete(BOB, trace, T0)).isEqualTo(new DeleteResult.Rejected());
        assertThat(session.isDeleted()).isFalse();
    }

    @Test
    @DisplayName("a deleted session takes no prompt and no new title")
    void deletedIsFinal() {
        session.delete(ALICE, trace, T0);

        assertThat(submit(session, ALICE, "hello?", T0.plusSeconds(1)))
                .isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.DELETED));
        assertThat(session.rename(ALICE, "back", trace, T0.plusSeconds(2)))
                .isEqualTo(new RenameResult.Rejected(RenameResult.Reason.NOT_FOUND));
        assertThat(session.nextTurn()).isEqualTo(1);
    }

    @Test
    @DisplayName("a session with an answer in flight can still be deleted")
    void deleteWhileBusy() {
        submit(session, ALICE, "long question", T0);

        assertThat(session.delete(ALICE, trace, T0.plusSeconds(1))).isInstanceOf(DeleteResult.Deleted.class);
    }
}
