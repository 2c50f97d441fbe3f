package io.chatstream.command.conversation.domain;

/** What a session says to a title the model suggested: applied (with the event to publish) or why not. */
public sealed interface TitleSuggestionResult permits TitleSuggestionResult.Applied, TitleSuggestionResult.Ignored {

    record Applied(SessionRenamed event) implements TitleSuggestionResult {
    }

    record Ignored(Reason reason) implements TitleSuggestionResult {
    }

    enum Reason {
        /** No such session for that user, or it was deleted. */
        NOT_FOUND,
        /** The owner chose a title: theirs stays. */
        OWNER_TITLED,
        /** The session already has this title (a redelivered suggestion). */
        UNCHANGED,
        /** Empty, too long or with control characters. */
        INVALID_TITLE
    }
}
