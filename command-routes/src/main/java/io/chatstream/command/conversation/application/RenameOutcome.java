package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.SessionTitle;
import io.chatstream.domain.SessionId;

/** The answer to a rename request. */
public sealed interface RenameOutcome permits RenameOutcome.Renamed, RenameOutcome.Rejected {

    record Renamed(SessionId sessionId, SessionTitle title) implements RenameOutcome {
    }

    record Rejected(CommandError error) implements RenameOutcome {
    }
}
