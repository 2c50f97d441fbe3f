package io.chatstream.command.conversation.application;

import io.chatstream.domain.SessionId;

/** The answer to a delete request: deleted (now or before) or rejected. */
public sealed interface DeleteOutcome permits DeleteOutcome.Deleted, DeleteOutcome.Rejected {

    record Deleted(SessionId sessionId) implements DeleteOutcome {
    }

    record Rejected(CommandError error) implements DeleteOutcome {
    }
}
