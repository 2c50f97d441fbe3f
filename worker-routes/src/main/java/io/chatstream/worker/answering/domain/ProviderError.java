package io.chatstream.worker.answering.domain;

/**
 * A failure reported by the model provider (or by our own watchdog), classified so the task
 * knows whether another attempt can help. The code is checked before the status because an
 * error inside a 200 stream is always reported with status 400 (dashscope-wire.md section 4).
 */
public record ProviderError(String code, String message, int statusCode) {

    /** No first token in time. */
    public static final String TIMEOUT = "TIMEOUT";
    /**
     * Our circuit breaker refused the call without reaching the provider. Retryable: the
     * breaker may have closed again by the next attempt, and such an attempt costs nothing.
     */
    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";
    /** Raised by the SDK for transport failures (cut connection, read timeout, bad framing). */
    public static final String RESPONSE_ERROR = "response_error";
    /** The provider gave no code (e.g. a 200 reply that is not an event stream). */
    public static final String UNKNOWN = "UNKNOWN";
    /** The stream ended without a response. */
    public static final String EMPTY_RESPONSE = "EMPTY_RESPONSE";
    /** The prompt names a model the answer policy's catalog does not offer (any more): never sent. */
    public static final String MODEL_NOT_OFFERED = "MODEL_NOT_OFFERED";
    /** Raised by the SDK when the connection could not be made. */
    public static final int NETWORK_STATUS = -1;

    public ProviderError {
        code = code == null || code.isBlank() ? UNKNOWN : code;
        message = message == null ? "" : message;
    }

    public static ProviderError timeout(String what) {
        return new ProviderError(TIMEOUT, what, 0);
    }

    public static ProviderError circuitOpen(String what) {
        return new ProviderError(CIRCUIT_OPEN, what, 503);
    }

    /**
     * The class of this error, by code first and by status only when the code says nothing: an error
     * inside a 200 stream is always reported with status 400 (dashscope-wire.md section 4).
     */
    public FailureClass failureClass() {
        if (code.endsWith("DataInspectionFailed")) {
            return FailureClass.MODERATED; // also InternalError.Algo.DataInspectionFailed: not a server error
        }
        if (code.equals("Arrearage") || code.endsWith("BillOverdue") || code.equals("CommodityNotPurchased")) {
            return FailureClass.BILLING;
        }
        if (code.equals("InvalidApiKey") || code.startsWith("AccessDenied") || statusCode == 401 || statusCode == 403) {
            return FailureClass.CREDENTIALS;
        }
        if (code.equals("Throttling.AllocationQuota")) {
            return FailureClass.QUOTA;
        }
        if (code.startsWith("Throttling")) {
            return FailureClass.THROTTLED;
        }
        if (code.equals(TIMEOUT)) {
            return FailureClass.TIMEOUT;
        }
        if (code.startsWith("InternalError") || code.equals("ServiceUnavailable") || code.equals(CIRCUIT_OPEN)) {
            return FailureClass.UNAVAILABLE;
        }
        if (code.equals("InvalidParameter") || code.startsWith("BadRequest") || code.equals("ModelNotFound")
                || code.equals("PROVIDER_CALL_REJECTED") || code.equals(MODEL_NOT_OFFERED)) {
            return FailureClass.REJECTED;
        }
        if (statusCode == 200 && (code.equals(RESPONSE_ERROR) || code.equals(UNKNOWN) || code.equals(EMPTY_RESPONSE))) {
            return FailureClass.UNAVAILABLE; // cut, garbled or not a stream at all (a proxy's reply): try again
        }
        if (statusCode == 429) {
            return FailureClass.THROTTLED;
        }
        if (statusCode >= 500 || statusCode == NETWORK_STATUS) {
            return FailureClass.UNAVAILABLE;
        }
        if (statusCode == 400 || statusCode == 404) {
            return FailureClass.REJECTED;
        }
        return FailureClass.UNKNOWN;
    }

    public boolean isRetryable() {
        return failureClass().retryable();
    }

    /** The provider's moderation refused it: the text streamed so far must be withdrawn. */
    public boolean withdrawsText() {
        return failureClass() == FailureClass.MODERATED;
    }
}
