package io.chatstream.command.conversation.domain;

import static io.chatstream.command.conversation.domain.Fixtures.ALICE;
import static io.chatstream.command.conversation.domain.Fixtures.BOB;
import static io.chatstream.command.conversation.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A title the model suggests for a conversation session")
class TitleSuggestionTest {

    private final SessionId id = new SessionId("session-1");
    private final ConversationSession session = ConversationSession.start(id, ALICE);
    private final TraceId trace = TraceId.generate();

    @Test
    @DisplayName("an untitled session takes it, as a generated title, and announces it as generated")
    void applied() {
        TitleSuggestionResult result = session.suggestTitle(ALICE, "Trip To Rome", trace, T0);

        assertThat(result).isEqualTo(new TitleSuggestionResult.Applied(
                new SessionRenamed(id, ALICE, trace, new SessionTitle("Trip To Rome"), T0, true)));
        assertThat(session.title()).contains(new SessionTitle("Trip To Rome"));
        assertThat(session.isTitleGenerated()).isTrue();
    }

    @Test
    @DisplayName("the owner's own title wins over a suggestion, before and after it")
    void ownerWins() {
        session.rename(ALICE, "My trip", trace, T0);
        assertThat(session.suggestTitle(ALICE, "Trip To Rome", trace, T0))
                .isEqualTo(new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.OWNER_TITLED));
        assertThat(session.title()).contains(new SessionTitle("My trip"));

        ConversationSession other = ConversationSession.start(new SessionId("session-2"), ALICE);
        other.suggestTitle(ALICE, "Trip To Rome", trace, T0);
        assertThat(other.rename(ALICE, "Mine", trace, T0)).isInstanceOf(RenameResult.Renamed.class);
        assertThat(other.isTitleGenerated()).isFalse();
        assertThat(other.suggestTitle(ALICE, "Trip To Rome", trace, T0))
                .isEqualTo(new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.OWNER_TITLED));
    }

    @Test
    @DisplayName("a redelivered suggestion changes nothing and announces nothing")
    void redelivered() {
        session.suggestTitle(ALICE, "Trip To Rome", trace, T0);

        assertThat(session.suggestTitle(ALICE, "Trip To Rome", trace, T0))
                .isEqualTo(new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.UNCHANGED));
    }

    @Test
    @DisplayName("a deleted session, another user's or an invalid title is ignored")
    void ignored() {
        assertThat(session.suggestTitle(BOB, "Trip", trace, T0))
                .isEqualTo(new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.NOT_FOUND));
        assertThat(session.suggestTitle(ALICE, " ", trace, T0))
                .isEqualTo(new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.INVALID_TITLE));
        session.delete(ALICE, trace, T0);
        assertThat(session.suggestTitle(ALICE, "Trip", trace, T0))
                .isEqualTo(new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.NOT_FOUND));
        assertThat(session.title()).isEmpty();
    }
}
