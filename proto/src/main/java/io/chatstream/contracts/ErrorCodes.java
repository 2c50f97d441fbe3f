package io.chatstream.contracts;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Application error codes carried in the gRPC trailer {@code chat-error-code}, and the
 * HTTP JSON error {@code {"error":{"code","message"}}} the gateway turns them into.
 */
public final class ErrorCodes {

    /** Trailer key that carries the application error code of a failed call. */
    public static final Metadata.Key<String> TRAILER =
            Metadata.Key.of("chat-error-code", Metadata.ASCII_STRING_MARSHALLER);

    public static final String PROMPT_EMPTY = "PROMPT_EMPTY";
    public static final String PROMPT_INVALID = "PROMPT_INVALID";
    public static final String PROMPT_TOO_LARGE = "PROMPT_TOO_LARGE";
    public static final String INVALID_REQUEST_ID = "INVALID_REQUEST_ID";
    public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
    public static final String INVALID_USER_ID = "INVALID_USER_ID";
    public static final String INVALID_TITLE = "INVALID_TITLE";
    public static final String INVALID_CURSOR = "INVALID_CURSOR";
    public static final String INVALID_PAGE_SIZE = "INVALID_PAGE_SIZE";
    /** A search query that is blank once stripped, or longer than allowed (SearchMessages; the gateway answers 400). */
    public static final String INVALID_QUERY = "INVALID_QUERY";
    public static final String SESSION_NOT_FOUND = "SESSION_NOT_FOUND";
    public static final String REQUEST_NOT_FOUND = "REQUEST_NOT_FOUND";
    public static final String SESSION_BUSY = "SESSION_BUSY";
    public static final String SESSION_ARCHIVED = "SESSION_ARCHIVED";
    /** The user's daily token budget is used up (command, RESOURCE_EXHAUSTED; the gateway answers 429). */
    public static final String QUOTA_EXCEEDED = "QUOTA_EXCEEDED";
    /** A new session would exceed the sessions one user may keep (command, FAILED_PRECONDITION; the gateway answers 409). */
    public static final String SESSION_LIMIT_REACHED = "SESSION_LIMIT_REACHED";
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";
    /**
     * Not a call error: the code of an answer stream's final {@code error} entry when the answer
     * neither started nor was stored within the query service's wait (the SSE {@code error} event).
     */
    public static final String STREAM_TIMEOUT = "STREAM_TIMEOUT";

    private ErrorCodes() {
    }

    /** A gRPC error with the given status, human message and application code. */
    public static StatusRuntimeException grpcError(Status.Code status, String code, String message) {
        Metadata trailers = new Metadata();
        trailers.put(TRAILER, code);
        return Status.fromCode(status).withDescription(message).asRuntimeException(trailers);
    }

    /** The application code of a failed call, or null when the server sent none. */
    public static String codeOf(StatusRuntimeException e) {
        Metadata trailers = e.getTrailers();
        return trailers == null ? null : trailers.get(TRAILER);
    }
}
