package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.gateway.api.application.GatewayCodes;
import java.util.Map;

/** The one place that says which HTTP status an application error code becomes. */
public final class ErrorStatusTable {

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry(GatewayCodes.MALFORMED_JSON, 400),
            Map.entry(GatewayCodes.INVALID_FIELD, 400),
            Map.entry(GatewayCodes.INVALID_LAST_EVENT_ID, 400),
            Map.entry(GatewayCodes.INVALID_QUERY_STRING, 400),
            Map.entry(GatewayCodes.UNKNOWN_MODEL, 400),
            Map.entry(ErrorCodes.PROMPT_EMPTY, 400),
            Map.entry(ErrorCodes.PROMPT_INVALID, 400),
            Map.entry(ErrorCodes.INVALID_REQUEST_ID, 400),
            Map.entry(ErrorCodes.INVALID_SESSION_ID, 400),
            Map.entry(ErrorCodes.INVALID_USER_ID, 400),
            Map.entry(ErrorCodes.INVALID_TITLE, 400),
            Map.entry(ErrorCodes.INVALID_CURSOR, 400),
            Map.entry(ErrorCodes.INVALID_PAGE_SIZE, 400),
            Map.entry(ErrorCodes.INVALID_QUERY, 400),
            Map.entry(GatewayCodes.UNAUTHENTICATED, 401),
            Map.entry(GatewayCodes.FORBIDDEN, 403),
            Map.entry(GatewayCodes.CROSS_SITE_REQUEST, 403),
            Map.entry(GatewayCodes.NOT_FOUND, 404),
            Map.entry(ErrorCodes.SESSION_NOT_FOUND, 404),
            Map.entry(ErrorCodes.REQUEST_NOT_FOUND, 404),
            Map.entry(ErrorCodes.SESSION_BUSY, 409),
            Map.entry(ErrorCodes.SESSION_ARCHIVED, 409),
            Map.entry(ErrorCodes.SESSION_LIMIT_REACHED, 409),
            Map.entry(ErrorCodes.PROMPT_TOO_LARGE, 413),
            Map.entry(GatewayCodes.BODY_TOO_LARGE, 413),
            Map.entry(GatewayCodes.METHOD_NOT_ALLOWED, 405),
            Map.entry(GatewayCodes.UNSUPPORTED_MEDIA_TYPE, 415),
            Map.entry(GatewayCodes.RATE_LIMITED, 429),
            Map.entry(ErrorCodes.QUOTA_EXCEEDED, 429),
            Map.entry(GatewayCodes.TOO_MANY_STREAMS, 429),
            Map.entry(GatewayCodes.HEADERS_TOO_LARGE, 431),
            Map.entry(ErrorCodes.DEPENDENCY_UNAVAILABLE, 503),
            Map.entry(GatewayCodes.OVERLOADED, 503),
            Map.entry(GatewayCodes.STARTING, 503),
            Map.entry(GatewayCodes.INTERNAL, 500));

    private ErrorStatusTable() {
    }

    /** A code nobody told the gateway about is a server-side surprise: 500, never a client's fault. */
    public static int statusOf(String code) {
        return STATUS.getOrDefault(code, 500);
    }
}
