package io.chatstream.command.conversation.domain;

/** What a session says to a new title: renamed (with the event to publish) or why not. */
public sealed interface RenameResult permits RenameResult.Renamed, RenameResult.Rejected {

    record Renamed(SessionRenamed event) implements RenameResult {
    }

    record Rejected(Reason reason) implements RenameResult {
    }

    enum Reason {
        /** Someone else's session, or a deleted one: answered like a missing session. */
        NOT_FOUND,
        /** The title is empty, too long or holds control characters. */
        INVALID_TITLE
    }
}
