package io.chatstream.worker.deadletters.domain;

import io.chatstream.worker.answering.domain.ProviderError;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A dead letter: a prompt kept on the dead-letter topic because its answer failed for good (or its
 * payload could not be read). It decides whether an operator may replay it: never when the payload is
 * unreadable, otherwise only a retryable failure younger than the allowed age, unless forced.
 *
 * @param requestId the prompt's request id; for an unreadable payload a stand-in made of its position
 * @param parkedAt when the record was written to the dead-letter topic (the ops API's {@code parked_at})
 * @param payload the original PromptSubmitted payload, kept opaque for the replay
 */
public record DeadLetter(String requestId, String sessionId, String userId, String errorCode, String errorMessage,
        int attempts, Instant parkedAt, String traceId, int partition, long offset, boolean readable,
        String payload) {

    /** The code the worker gives a payload it could not read; such a record can never be answered. */
    public static final String UNREADABLE_EVENT = "UNREADABLE_EVENT";

    public DeadLetter {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(parkedAt, "parkedAt");
        sessionId = sessionId == null ? "" : sessionId;
        userId = userId == null ? "" : userId;
        errorCode = errorCode == null || errorCode.isBlank() ? "UNKNOWN" : errorCode;
        errorMessage = errorMessage == null ? "" : errorMessage;
        traceId = traceId == null ? "" : traceId;
        payload = payload == null ? "" : payload;
    }

    /**
     * Whether a replay may succeed once the cause is fixed: also true for an unpaid account or a bad
     * key, which no in-flight retry can cure but ops can. The failure headers carry the provider's
     * code but not its HTTP status, so the code decides, with the answer flow's own classes (a
     * provider server error is assumed for a code it does not know).
     */
    public boolean retryable() {
        return readable && !UNREADABLE_EVENT.equals(errorCode)
                && new ProviderError(errorCode, errorMessage, 500).failureClass().replayable();
    }

    public Duration age(Instant now) {
        Duration age = Duration.between(parkedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** May an operator replay it now? {@code force} overrides the code and age checks, never an unreadable payload. */
    public ReplayEligibility eligibility(Instant now, Duration maxAge, boolean force) {
        if (!readable || UNREADABLE_EVENT.equals(errorCode)) {
            return new ReplayEligibility.Refused(ReplayEligibility.UNREADABLE);
        }
        if (force) {
            return new ReplayEligibility.Eligible();
        }
        if (!retryable()) {
            return new ReplayEligibility.Refused(ReplayEligibility.NOT_RETRYABLE);
        }
        if (age(now).compareTo(maxAge) > 0) {
            return new ReplayEligibility.Refused(ReplayEligibility.TOO_OLD);
        }
        return new ReplayEligibility.Eligible();
    }
}
