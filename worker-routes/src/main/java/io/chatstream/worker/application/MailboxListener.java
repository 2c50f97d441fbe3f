package io.chatstream.worker.application;

import io.chatstream.worker.domain.ProviderError;
import io.chatstream.worker.domain.ProviderResponse;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns provider callbacks (on provider threads) into mailbox signals of one attempt. The first
 * terminal callback wins: DashScope reports an in-stream error with onError and then onComplete.
 */
final class MailboxListener implements ModelProvider.Listener {

    private final Queue<Signal> mailbox;
    private final int attempt;
    private final AtomicBoolean ended = new AtomicBoolean();

    MailboxListener(Queue<Signal> mailbox, int attempt) {
        this.mailbox = mailbox;
        this.attempt = attempt;
    }

    @Override
    public void onToken(String text) {
        if (!ended.get()) {
            mailbox.offer(new Signal.Token(attempt, text));
        }
    }

    @Override
    public void onComplete(ProviderResponse response) {
        if (ended.compareAndSet(false, true)) {
            mailbox.offer(new Signal.Completed(attempt, response));
        }
    }

    @Override
    public void onError(ProviderError error) {
        if (ended.compareAndSet(false, true)) {
            mailbox.offer(new Signal.Failed(attempt, error));
        }
    }
}
