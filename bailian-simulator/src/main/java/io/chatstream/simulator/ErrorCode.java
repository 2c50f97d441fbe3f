package io.chatstream.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A DashScope error code with the HTTP status and message the real service answers it with: the
 * codes {@code [sim:error=CODE]}, {@code [sim:error-sse=CODE]} and {@code [sim:error-mid=CODE]} accept.
 *
 * @param code    the {@code code} of the error body
 * @param status  the HTTP status of a non-streaming or SSE-framed error reply
 * @param message the {@code message} of the error body
 */
record ErrorCode(String code, int status, String message) {

    static final ErrorCode INVALID_PARAMETER = new ErrorCode("InvalidParameter", 400,
            "Invalid parameter, please check the request.");
    static final ErrorCode RATE_QUOTA = new ErrorCode("Throttling.RateQuota", 429,
            "Requests rate limit exceeded, please try again later.");
    static final ErrorCode INTERNAL_ERROR = new ErrorCode("InternalError", 500,
            "An internal error has occured, please try again later.");
    static final ErrorCode ALGO_ERROR = new ErrorCode("InternalError.Algo", 500,
            "An internal error has occured during model inference, please try again later.");

    private static final Map<String, ErrorCode> KNOWN = Stream.of(
                    INVALID_PARAMETER,
                    new ErrorCode("DataInspectionFailed", 400, "Input data may contain inappropriate content."),
                    new ErrorCode("Arrearage", 400, "Access denied, please make sure your account is in good standing."),
                    new ErrorCode("InvalidApiKey", 401, "Invalid API-key provided."),
                    new ErrorCode("AccessDenied", 403, "Access denied, you are not authorized to use this model."),
                    new ErrorCode("ModelNotFound", 404, "Model not exist."),
                    new ErrorCode("Throttling", 429, "Requests throttling triggered."),
                    RATE_QUOTA,
                    new ErrorCode("Throttling.AllocationQuota", 429,
                            "Allocated quota exceeded, please increase your quota limit."),
                    new ErrorCode("PrepaidBillOverdue", 429, "The prepaid bill is overdue."),
                    new ErrorCode("PostpaidBillOverdue", 429, "The postpaid bill is overdue."),
                    new ErrorCode("CommodityNotPurchased", 429, "The model service has not been purchased yet."),
                    INTERNAL_ERROR,
                    ALGO_ERROR,
                    new ErrorCode("InternalError.Algo.DataInspectionFailed", 500,
                            "Output data may contain inappropriate content."),
                    new ErrorCode("ServiceUnavailable", 503, "The service is temporarily unavailable, please try again later."))
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    /**
     * This error as it arrives in the middle of an answer: a moderation refusal there is about the
     * output the model was writing, not the prompt, and DashScope says so.
     */
    ErrorCode midStream() {
        return code.equals("DataInspectionFailed")
                ? new ErrorCode(code, status, "Output data may contain inappropriate content.")
                : this;
    }

    static Optional<ErrorCode> named(String code) {
        return Optional.ofNullable(KNOWN.get(code));
    }

    /** Every code the markers accept, for documentation and tests. */
    static Map<String, ErrorCode> known() {
        return KNOWN;
    }
}
