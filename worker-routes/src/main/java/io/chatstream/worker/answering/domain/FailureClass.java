package io.chatstream.worker.answering.domain;

/**
 * What kind of failure a provider error is, which decides what the product does about it. The
 * table lives in {@link ProviderError#failureClass()}; worker-routes/README.md documents it.
 */
public enum FailureClass {
    /** The provider's content moderation refused the prompt or the answer: withdraw the text, no retry, no incident. */
    MODERATED(false, false),
    /** The model account is unpaid or the model not purchased: ops must act, then replay. */
    BILLING(false, true),
    /** The API key is wrong, revoked or lacks access: ops must act, then replay. */
    CREDENTIALS(false, true),
    /** The allocated quota is used up; a per-minute allocation recovers, so it is retried with back-off. */
    QUOTA(true, true),
    /** The provider asks us to slow down. */
    THROTTLED(true, true),
    /** No token in time (our watchdog). */
    TIMEOUT(true, true),
    /** The provider or the way to it failed: server errors, cut or refused connections, our open breaker. */
    UNAVAILABLE(true, true),
    /** The provider refused the request itself (bad parameter, unknown model): trying again cannot help. */
    REJECTED(false, false),
    /** A code we do not know, with a status that says nothing either. */
    UNKNOWN(false, false);

    private final boolean retryable;
    private final boolean replayable;

    FailureClass(boolean retryable, boolean replayable) {
        this.retryable = retryable;
        this.replayable = replayable;
    }

    /** Another attempt right away (after back-off) may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** An operator's replay from the dead-letter queue may succeed once the cause is fixed. */
    public boolean replayable() {
        return replayable;
    }

    /** The tag value in metrics and alerts. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
