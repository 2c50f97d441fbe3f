package io.chatstream.command.conversation.domain;

/** What a session says to a new prompt: accepted (with the event to publish) or why not. */
public sealed interface SubmitResult permits SubmitResult.Accepted, SubmitResult.Rejected {

    record Accepted(UserPrompt prompt, PromptSubmitted event) implements SubmitResult {
    }

    record Rejected(Reason reason) implements SubmitResult {
    }

    enum Reason {
        /** The session belongs to someone else. */
        NOT_OWNER,
        /** The session no longer takes prompts. */
        ARCHIVED,
        /** The owner deleted the session; it takes nothing any more. */
        DELETED,
        /** An earlier prompt is still being answered: one answer in flight per session. */
        BUSY,
        /** The prompt to make a new version of belongs to another session. */
        UNKNOWN_VERSION
    }
}
