package io.chatstream.worker.deadletters.domain;

/** Whether a dead letter may be replayed, and if not, why (stable, lower-case codes shown to operators). */
public sealed interface ReplayEligibility {

    String UNREADABLE = "refused_unreadable";
    String NOT_RETRYABLE = "refused_not_retryable";
    String TOO_OLD = "refused_too_old";

    record Eligible() implements ReplayEligibility {
    }

    record Refused(String reason) implements ReplayEligibility {
    }
}
