package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared givens of the domain tests. */
final class Fixtures {

    static final UserId ALICE = new UserId("alice");
    static final UserId BOB = new UserId("bob");
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Fixtures() {
    }

    static PromptText text(String value) {
        return ((PromptText.Valid) PromptText.parse(value, 1000)).text();
    }

    static SubmitResult submit(ConversationSession session, UserId by, String text, Instant at) {
        return session.submit(by, RequestId.generate(), text(text), TraceId.generate(), List.of(), at, TIMEOUT);
    }

    static UserPrompt answered(int turn, String prompt, AnswerState state, String answer) {
        UserPrompt p = UserPrompt.accepted(RequestId.generate(), new SessionId("session-1"), ALICE, turn,
                null, text(prompt), TraceId.generate(), T0);
        p.recordAnswer(state, answer, T0);
        return p;
    }
}
