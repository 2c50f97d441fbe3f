package io.chatstream.command.conversation.application;

import io.chatstream.domain.SessionId;

/** The answer to a pin request: the session's flag now (changed or not), or why not. */
public sealed interface PinOutcome permits PinOutcome.Pinned, PinOutcome.Rejected {

    record Pinned(SessionId sessionId, boolean pinned) implements PinOutcome {
    }

    record Rejected(CommandError error) implements PinOutcome {
    }
}
