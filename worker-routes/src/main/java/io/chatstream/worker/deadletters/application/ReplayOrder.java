package io.chatstream.worker.deadletters.application;

/**
 * An operator's replay request: which dead letters, whether to override the safety checks, how
 * many at most (capped by the configured per-call bound), who asks and why (for the audit log).
 */
public record ReplayOrder(Selection selection, boolean force, int limit, String actor, String reason) {

    public ReplayOrder {
        reason = reason == null ? "" : reason;
    }

    /** One request by id, or every dead letter a filter matches ({@link DeadLetterFilter#ANY} = all). */
    public sealed interface Selection {

        record One(String requestId) implements Selection {
        }

        record Matching(DeadLetterFilter filter) implements Selection {
        }
    }
}
