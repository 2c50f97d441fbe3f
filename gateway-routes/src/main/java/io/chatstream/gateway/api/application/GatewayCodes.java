package io.chatstream.gateway.api.application;

/** Error codes the gateway itself produces, next to the ones the services send in their trailers. */
public final class GatewayCodes {

    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String PROMPT_EMPTY = "PROMPT_EMPTY";
    public static final String INVALID_REQUEST_ID = "INVALID_REQUEST_ID";
    public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
    public static final String INVALID_USER_ID = "INVALID_USER_ID";
    public static final String INVALID_TITLE = "INVALID_TITLE";
    public static final String INVALID_CURSOR = "INVALID_CURSOR";
    public static final String INVALID_PAGE_SIZE = "INVALID_PAGE_SIZE";
    /** A search query ({@code q}) that is missing, blank or longer than chat.search.max-query-length. */
    public static final String INVALID_QUERY = "INVALID_QUERY";
    /** A send naming a model that is not offered now (see GET /api/chat/models). */
    public static final String UNKNOWN_MODEL = "UNKNOWN_MODEL";
    public static final String INVALID_LAST_EVENT_ID = "INVALID_LAST_EVENT_ID";
    /** The query string is not well-formed percent-encoded UTF-8, or an API parameter appears twice. */
    public static final String INVALID_QUERY_STRING = "INVALID_QUERY_STRING";
    public static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    /** A write signed in by cookie that came from another origin (403; see CrossSiteRequestFilter). */
    public static final String CROSS_SITE_REQUEST = "CROSS_SITE_REQUEST";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** Too many answer streams open at once for this user or client address on this instance (429). */
    public static final String TOO_MANY_STREAMS = "TOO_MANY_STREAMS";
    public static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";
    /** Every request thread busy and their queue full: try again shortly (503 with Retry-After). */
    public static final String OVERLOADED = "OVERLOADED";
    /** The gateway runs but its API routes do not yet: try again shortly (503 with Retry-After). */
    public static final String STARTING = "STARTING";
    public static final String INTERNAL = "INTERNAL";
    /**
     * Not the gateway's own: the query service's code for a request it does not know, which the answer
     * stream acts on (asks the command service before passing it on, see {@code ConfirmingFollow}).
     */
    public static final String REQUEST_NOT_FOUND = "REQUEST_NOT_FOUND";

    private GatewayCodes() {
    }
}
