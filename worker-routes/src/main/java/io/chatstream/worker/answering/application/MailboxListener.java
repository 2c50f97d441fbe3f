package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns provider callbacks (on provider threads) into mailbox messages of one attempt. The first
 * terminal callback wins: DashScope reports an in-stream error with onError and then onComplete.
 */
final class MailboxListener implements ModelProvider.Listener {

    private final Queue<MailboxMessage> mailbox;
    private final int attempt;
    private final AtomicBoolean ended = new AtomicBoolean();

    MailboxListener(Queue<MailboxMessage> mailbox, int attempt) {
        this.mailbox = mailbox;
        this.attempt = attempt;
    }

    @Override
    public void onToken(String text) {
        if (!ended.get()) {
            mailbox.offer(new MailboxMessage.Token(attempt, text));
        }
    }

    @Override
    public void onThinking(String text) {
        if (!ended.get()) {
            mailbox.offer(new MailboxMessage.Thinking(attempt, text));
        }
    }

    @Override
    public void onComplete(ProviderResponse response) {
        if (ended.compareAndSet(false, true)) {
            mailbox.offer(new MailboxMessage.Completed(attempt, response));
        }
    }

    @Override
    public void onError(ProviderError error) {
        if (ended.compareAndSet(false, true)) {
            mailbox.offer(new MailboxMessage.Failed(attempt, error));
        }
    }
}
