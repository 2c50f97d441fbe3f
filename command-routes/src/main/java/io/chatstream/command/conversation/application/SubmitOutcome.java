package io.chatstream.command.conversation.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.time.Instant;

/** The answer to a submit: the accepted prompt's coordinates, or why it was rejected. */
public sealed interface SubmitOutcome permits SubmitOutcome.Accepted, SubmitOutcome.Rejected {

    record Accepted(RequestId requestId, SessionId sessionId, Instant acceptedAt, int turn) implements SubmitOutcome {
    }

    record Rejected(CommandError error) implements SubmitOutcome {
    }
}
