package io.chatstream.command.conversation.domain;

/** What a session says to being pinned or unpinned. */
public sealed interface PinResult permits PinResult.Pinned, PinResult.Unchanged, PinResult.Rejected {

    /** The flag changed: the event tells readers. */
    record Pinned(SessionPinned event) implements PinResult {
    }

    /** The session already was as asked; nothing changes, nothing is announced. */
    record Unchanged(boolean pinned) implements PinResult {
    }

    /** Someone else's session, or a deleted one: answered like a missing session. */
    record Rejected() implements PinResult {
    }
}
