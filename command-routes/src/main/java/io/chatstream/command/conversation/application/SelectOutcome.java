package io.chatstream.command.conversation.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;

/** The answer to a request to show a version: the session and the prompt its shown branch now ends with, or why not. */
public sealed interface SelectOutcome permits SelectOutcome.Shown, SelectOutcome.Rejected {

    record Shown(SessionId sessionId, RequestId head) implements SelectOutcome {
    }

    record Rejected(CommandError error) implements SelectOutcome {
    }
}
