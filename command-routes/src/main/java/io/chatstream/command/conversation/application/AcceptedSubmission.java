package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;

/** What is remembered of an accepted submit to answer its repetitions. */
public record AcceptedSubmission(RequestId requestId, UserId userId, SessionId sessionId, Instant acceptedAt, int turn) {

    static AcceptedSubmission of(UserPrompt prompt) {
        return new AcceptedSubmission(prompt.requestId(), prompt.userId(), prompt.sessionId(), prompt.acceptedAt(),
                prompt.turn());
    }

    SubmitOutcome.Accepted toOutcome() {
        return new SubmitOutcome.Accepted(requestId, sessionId, acceptedAt, turn);
    }
}
