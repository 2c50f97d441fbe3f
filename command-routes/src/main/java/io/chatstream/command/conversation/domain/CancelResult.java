package io.chatstream.command.conversation.domain;

/** What asking to stop a prompt's answer leads to. */
public sealed interface CancelResult permits CancelResult.Cancelling, CancelResult.AlreadyFinished {

    /** The answer is still in flight: the event asks the worker to stop. */
    record Cancelling(PromptCancelled event) implements CancelResult {
    }

    /** The answer had already ended; nothing to stop. */
    record AlreadyFinished(AnswerState state) implements CancelResult {
    }
}
