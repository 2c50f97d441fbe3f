package io.chatstream.command.conversation.domain;

/** What a session says to being deleted. */
public sealed interface DeleteResult permits DeleteResult.Deleted, DeleteResult.AlreadyDeleted, DeleteResult.Rejected {

    /** Deleted now: the event tells the rest of the system to forget the session. */
    record Deleted(SessionDeleted event) implements DeleteResult {
    }

    /** Its owner had deleted it before; nothing changes, nothing is announced again. */
    record AlreadyDeleted() implements DeleteResult {
    }

    /** Someone else's session: answered like a missing one. */
    record Rejected() implements DeleteResult {
    }
}
