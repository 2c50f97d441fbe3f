package io.chatstream.worker.answering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

class ProviderErrorTest {

    @ParameterizedTest(name = "{0} with status {1} is retryable: {2}")
    @DisplayName("provider errors are classified by code first, then by status")
    @CsvSource({
        "Throttling.RateQuota, 429, true",
        "Throttling, 429, true",
        "Throttling.AllocationQuota, 429, false",
        "InternalError, 500, true",
        "InternalError.Algo, 400, true",
        "SomethingNew, 503, true",
        "network error, -1, true",
        "response_error, 200, true",
        "TIMEOUT, 0, true",
        "CIRCUIT_OPEN, 0, true",
        "InvalidParameter, 400, false",
        "DataInspectionFailed, 400, false",
        "Arrearage, 400, false",
        "InvalidApiKey, 401, false",
        "AccessDenied, 403, false",
        "ModelNotFound, 404, false",
        "PROVIDER_CALL_REJECTED, 0, false"
    })
    void classification(String code, int status, boolean retryable) {
        assertThat(new ProviderError(code, "m", status).isRetryable()).isEqualTo(retryable);
    }
}
