package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;

/** What a session says to "show this version": selected (with the event to publish), already shown, or why not. */
public sealed interface SelectResult permits SelectResult.Selected, SelectResult.AlreadyShown, SelectResult.Rejected {

    record Selected(VersionSelected event) implements SelectResult {
    }

    /** The session shows that branch already: nothing changes, nothing is announced. */
    record AlreadyShown(RequestId head) implements SelectResult {
    }

    record Rejected(Reason reason) implements SelectResult {
    }

    enum Reason {
        /** Someone else's or a deleted session, or a prompt of another session: answered like a missing prompt. */
        NOT_FOUND,
        /** An answer is in flight: it belongs to the branch shown now. */
        BUSY
    }
}
