package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;

/** What reaches an answer's mailbox: provider callbacks (tagged with their attempt) and stop requests. */
sealed interface MailboxMessage {

    record Token(int attempt, String text) implements MailboxMessage {
    }

    /** The model is reasoning before its answer: activity, not text. */
    record Thinking(int attempt) implements MailboxMessage {
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
