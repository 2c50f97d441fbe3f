package io.chatstream.worker.answering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderErrorTest {

    @ParameterizedTest(name = "{0} with status {1} is {2}")
    @DisplayName("provider errors are classified by code first, then by status (worker README, Provider errors)")
    @CsvSource({
        "Throttling.RateQuota, 429, THROTTLED",
        "Throttling, 429, THROTTLED",
        "Throttling.AllocationQuota, 429, QUOTA",
        "InternalError, 500, UNAVAILABLE",
        "InternalError.Algo, 400, UNAVAILABLE",
        "ServiceUnavailable, 503, UNAVAILABLE",
        "SomethingNew, 503, UNAVAILABLE",
        "SomethingNew, 429, THROTTLED",
        "network error, -1, UNAVAILABLE",
        "response_error, 200, UNAVAILABLE",
        "response_error, 502, UNAVAILABLE",
        "'', 200, UNAVAILABLE",
        "EMPTY_RESPONSE, 200, UNAVAILABLE",
        "TIMEOUT, 0, TIMEOUT",
        "CIRCUIT_OPEN, 503, UNAVAILABLE",
        "DataInspectionFailed, 400, MODERATED",
        "InternalError.Algo.DataInspectionFailed, 400, MODERATED",
        "InternalError.Algo.DataInspectionFailed, 500, MODERATED",
        "Arrearage, 400, BILLING",
        "PrepaidBillOverdue, 429, BILLING",
        "PostpaidBillOverdue, 429, BILLING",
        "CommodityNotPurchased, 429, BILLING",
        "InvalidApiKey, 401, CREDENTIALS",
        "AccessDenied, 403, CREDENTIALS",
        "AccessDenied.Unpurchased, 403, CREDENTIALS",
        "SomethingNew, 401, CREDENTIALS",
        "InvalidParameter, 400, REJECTED",
        "ModelNotFound, 404, REJECTED",
        "SomethingNew, 400, REJECTED",
        "PROVIDER_CALL_REJECTED, 0, REJECTED",
        "SomethingNew, 0, UNKNOWN"
    })
    void classification(String code, int status, FailureClass expected) {
        assertThat(new ProviderError(code, "m", status).failureClass()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is retried in flight: {1}")
    @DisplayName("throttling, a spent quota, timeouts and server errors are retried; moderation, billing, keys and refused input are not")
    @CsvSource({
        "THROTTLED, true", "QUOTA, true", "TIMEOUT, true", "UNAVAILABLE, true",
        "MODERATED, false", "BILLING, false", "CREDENTIALS, false", "REJECTED, false", "UNKNOWN, false"
    })
    void retries(FailureClass failureClass, boolean retryable) {
        assertThat(failureClass.retryable()).isEqualTo(retryable);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("only a moderation refusal withdraws the streamed text")
    void withdrawal() {
        assertThat(new ProviderError("InternalError.Algo.DataInspectionFailed", "m", 400).withdrawsText()).isTrue();
        assertThat(new ProviderError("InternalError.Algo", "m", 400).withdrawsText()).isFalse();
        assertThat(new ProviderError("Arrearage", "m", 400).withdrawsText()).isFalse();
    }
}
