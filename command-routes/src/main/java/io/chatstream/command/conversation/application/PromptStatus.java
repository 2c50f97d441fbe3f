package io.chatstream.command.conversation.application;

import io.chatstream.domain.RequestId;
import java.time.Instant;

/** The answer to a prompt status question. */
public sealed interface PromptStatus permits PromptStatus.Accepted, PromptStatus.NotAccepted, PromptStatus.Rejected {

    /** The caller's prompt was accepted and its session still exists. */
    record Accepted(RequestId requestId, Instant acceptedAt) implements PromptStatus {
    }

    /** Never accepted for this caller: unknown, someone else's, or of a deleted session (one answer for all). */
    record NotAccepted(RequestId requestId) implements PromptStatus {
    }

    record Rejected(CommandError error) implements PromptStatus {
    }
}
