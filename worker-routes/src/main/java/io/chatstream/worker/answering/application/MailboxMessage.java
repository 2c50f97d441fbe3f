package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;

/** What reaches an answer's mailbox: provider callbacks (tagged with their attempt) and stop requests. */
sealed interface MailboxMessage {

    record Token(int attempt, String text) implements MailboxMessage {
    }

    /** A piece of the model's reasoning before its answer: a sign of life, not answer text. */
    record Thinking(int attempt, String text) implements MailboxMessage {
    }

    record Completed(int attempt, ProviderResponse response) implements MailboxMessage {
    }

    record Failed(int attempt, ProviderError error) implements MailboxMessage {
    }

    record StopRequested() implements MailboxMessage {
    }

    /** This instance lost the prompt (its partition moved): end without a trace, the new owner answers. */
    record Abandoned() implements MailboxMessage {
    }
}
