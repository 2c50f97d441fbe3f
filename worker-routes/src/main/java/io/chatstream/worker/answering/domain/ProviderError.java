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
    /** Raised by the SDK when the connection could not be made. */
    public static final int NETWORK_STATUS = -1;

    public ProviderError {
        code = code == null || code.isBlank() ? "UNKNOWN" : code;
        message = message == null ? "" : message;
    }

    public static ProviderError timeout(String what) {
        return new ProviderError(TIMEOUT, what, 0);
    }

    public static ProviderError circuitOpen(String what) {
        return new ProviderError(CIRCUIT_OPEN, what, 503);
    }

    public boolean isRetryable() {
        if (code.equals("Throttling.AllocationQuota")) {
            return false;
        }
        if (code.startsWith("Throttling") || code.startsWith("InternalError") || code.equals(TIMEOUT)
                || code.equals(CIRCUIT_OPEN)) {
            return true;
        }
        if (isClientError(code)) {
            return false;
        }
        if (statusCode == 200 && code.equals(RESPONSE_ERROR)) {
            return true;
        }
        return statusCode == 429 || statusCode >= 500 || statusCode == NETWORK_STATUS;
    }

    private static boolean isClientError(String code) {
        return code.equals("InvalidParameter") || code.equals("DataInspectionFailed") || code.equals("Arrearage")
                || code.startsWith("BadRequest") || code.equals("InvalidApiKey");
    }
}
