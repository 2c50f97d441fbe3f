package io.chatstream.command.conversation.domain;

import static io.chatstream.command.conversation.domain.Fixtures.ALICE;
import static io.chatstream.command.conversation.domain.Fixtures.BOB;
import static io.chatstream.command.conversation.domain.Fixtures.T0;
import static io.chatstream.command.conversation.domain.Fixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A conversation session")
class ConversationSessionTest {

    private final ConversationSession session = ConversationSession.start(new SessionId("session-1"), ALICE);

    @Test
    @DisplayName("accepts its owner's first prompt as turn 1 and announces it with its context")
    void firstPrompt() {
        RequestId requestId = RequestId.generate();
        List<ContextTurn> context = List.of(new ContextTurn(ContextTurn.Role.USER, "earlier"));

        SubmitResult result = session.submit(ALICE, requestId, Fixtures.text("hi"), TraceId.generate(), context, T0,
                Fixtures.TIMEOUT);

        assertThat(result).isInstanceOfSatisfying(SubmitResult.Accepted.class, accepted -> {
            assertThat(accepted.prompt().turn()).isEqualTo(1);
            assertThat(accepted.prompt().state()).isEqualTo(AnswerState.ANSWERING);
            assertThat(accepted.event().turn()).isEqualTo(1);
            assertThat(accepted.event().requestId()).isEqualTo(requestId);
            assertThat(accepted.event().context()).isEqualTo(context);
            assertThat(accepted.event().occurredAt()).isEqualTo(T0);
        });
        assertThat(session.inFlight()).contains(requestId);
    }

    @Test
    @DisplayName("refuses a prompt from someone who does not own it")
    void notOwner() {
        assertThat(submit(session, BOB, "hi", T0))
                .isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.NOT_OWNER));
        assertThat(session.nextTurn()).isEqualTo(1);
    }

    @Test
    @DisplayName("refuses a second prompt while the first answer is in flight")
    void busy() {
        submit(session, ALICE, "first", T0);

        SubmitResult second = submit(session, ALICE, "second", T0.plusSeconds(10));

        assertThat(second).isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.BUSY));
        assertThat(session.nextTurn()).isEqualTo(2);
    }

    @Test
    @DisplayName("numbers turns 1, 2, 3 as answers come back")
    void turnsInOrder() {
        for (int turn = 1; turn <= 3; turn++) {
            SubmitResult.Accepted accepted = (SubmitResult.Accepted) submit(session, ALICE, "p" + turn, T0);
            assertThat(accepted.prompt().turn()).isEqualTo(turn);
            assertThat(session.release(accepted.prompt().requestId())).isTrue();
        }
    }

    @Test
    @DisplayName("takes a new prompt once the in-flight answer has outlived the timeout")
    void timeoutReleases() {
        submit(session, ALICE, "first", T0);

        assertThat(submit(session, ALICE, "too early", T0.plus(Fixtures.TIMEOUT).minusSeconds(1)))
                .isInstanceOf(SubmitResult.Rejected.class);
        assertThat(submit(session, ALICE, "late enough", T0.plus(Fixtures.TIMEOUT)))
                .isInstanceOf(SubmitResult.Accepted.class);
    }

    @Test
    @DisplayName("ignores the release of a request that is not in flight")
    void releaseOfOtherRequest() {
        submit(session, ALICE, "first", T0);

        assertThat(session.release(RequestId.generate())).isFalse();
        assertThat(session.isBusy(T0, Fixtures.TIMEOUT)).isTrue();
    }

    @Test
    @DisplayName("refuses prompts once archived")
    void archived() {
        session.archive();

        assertThat(submit(session, ALICE, "hi", T0))
                .isEqualTo(new SubmitResult.Rejected(SubmitResult.Reason.ARCHIVED));
    }
}
