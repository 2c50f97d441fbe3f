package io.chatstream.query.streaming.application;

/**
 * The contract's error codes a {@link Rejection} of this context carries (mirrors io.chatstream.contracts.ErrorCodes,
 * kept framework-free).
 */
public final class RejectionCodes {

    public static final String INVALID_REQUEST_ID = "INVALID_REQUEST_ID";
    public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
    public static final String INVALID_USER_ID = "INVALID_USER_ID";
    public static final String INVALID_CURSOR = "INVALID_CURSOR";
    public static final String INVALID_PAGE_SIZE = "INVALID_PAGE_SIZE";
    public static final String INVALID_QUERY = "INVALID_QUERY";
    public static final String SESSION_NOT_FOUND = "SESSION_NOT_FOUND";
    public static final String REQUEST_NOT_FOUND = "REQUEST_NOT_FOUND";

    private RejectionCodes() {
    }
}
