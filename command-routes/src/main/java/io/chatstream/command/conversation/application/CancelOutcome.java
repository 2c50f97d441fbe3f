package io.chatstream.command.conversation.application;

import io.chatstream.domain.RequestId;

/** The answer to a cancel request. */
public sealed interface CancelOutcome permits CancelOutcome.Cancelling, CancelOutcome.Finished, CancelOutcome.Rejected {

    /** The stop was queued for publication. */
    record Cancelling(RequestId requestId) implements CancelOutcome {
    }

    /** The answer had already ended. */
    record Finished(RequestId requestId) implements CancelOutcome {
    }

    record Rejected(CommandError error) implements CancelOutcome {
    }
}
