package io.chatstream.worker.deadletters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration MAX_AGE = Duration.ofHours(24);

    private static DeadLetter letter(String code, Duration age, boolean readable) {
        return new DeadLetter("r-1", "s-1", "alice", code, "m", 3, NOW.minus(age), "t", 0, 7, readable, "{}");
    }

    @Test
    @DisplayName("a provider server error parked an hour ago may be replayed")
    void retryableAndYoung() {
        DeadLetter letter = letter("InternalError", Duration.ofHours(1), true);

        assertThat(letter.retryable()).isTrue();
        assertThat(letter.eligibility(NOW, MAX_AGE, false)).isInstanceOf(ReplayEligibility.Eligible.class);
        assertThat(letter.age(NOW)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    @DisplayName("a rejected request is refused as not retryable unless forced")
    void notRetryable() {
        DeadLetter letter = letter("InvalidParameter", Duration.ofMinutes(1), true);

        assertThat(letter.eligibility(NOW, MAX_AGE, false))
                .isEqualTo(new ReplayEligibility.Refused(ReplayEligibility.NOT_RETRYABLE));
        assertThat(letter.eligibility(NOW, MAX_AGE, true)).isInstanceOf(ReplayEligibility.Eligible.class);
    }

    @Test
    @DisplayName("an entry older than the allowed age is refused unless forced")
    void tooOld() {
        DeadLetter letter = letter("TIMEOUT", Duration.ofHours(25), true);

        assertThat(letter.eligibility(NOW, MAX_AGE, false))
                .isEqualTo(new ReplayEligibility.Refused(ReplayEligibility.TOO_OLD));
        assertThat(letter.eligibility(NOW, MAX_AGE, true)).isInstanceOf(ReplayEligibility.Eligible.class);
    }

    @Test
    @DisplayName("an unreadable payload can never be replayed, not even by force")
    void unreadable() {
        DeadLetter letter = letter(DeadLetter.UNREADABLE_EVENT, Duration.ZERO, false);

        assertThat(letter.retryable()).isFalse();
        assertThat(letter.eligibility(NOW, MAX_AGE, true))
                .isEqualTo(new ReplayEligibility.Refused(ReplayEligibility.UNREADABLE));
    }

    @Test
    @DisplayName("what ops can fix (quota, billing, key) is replayable like throttling and server errors; refused input is not")
    void codes() {
        for (String code : new String[] {"Throttling.RateQuota", "TIMEOUT", "CIRCUIT_OPEN", "response_error",
                "InternalError.Algo", "Throttling.AllocationQuota", "InvalidApiKey", "Arrearage",
                "PrepaidBillOverdue", "CommodityNotPurchased"}) {
            assertThat(letter(code, Duration.ZERO, true).retryable()).as(code).isTrue();
        }
        for (String code : new String[] {"DataInspectionFailed", "InternalError.Algo.DataInspectionFailed",
                "InvalidParameter", "ModelNotFound"}) {
            assertThat(letter(code, Duration.ZERO, true).retryable()).as(code).isFalse();
        }
    }
}
