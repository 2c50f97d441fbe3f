package io.chatstream.gateway.api.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.ErrorCodes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorStatusTableTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("every error code the services send has the documented HTTP status")
    @CsvSource({
        "PROMPT_EMPTY, 400", "PROMPT_INVALID, 400", "INVALID_REQUEST_ID, 400", "INVALID_SESSION_ID, 400",
        "INVALID_USER_ID, 400", "INVALID_CURSOR, 400", "INVALID_PAGE_SIZE, 400", "INVALID_QUERY, 400", "MALFORMED_JSON, 400",
        "INVALID_FIELD, 400", "UNAUTHENTICATED, 401", "FORBIDDEN, 403", "NOT_FOUND, 404",
        "SESSION_NOT_FOUND, 404", "REQUEST_NOT_FOUND, 404", "SESSION_BUSY, 409", "SESSION_ARCHIVED, 409",
        "PROMPT_TOO_LARGE, 413", "UNSUPPORTED_MEDIA_TYPE, 415", "METHOD_NOT_ALLOWED, 405", "BODY_TOO_LARGE, 413", "DEPENDENCY_UNAVAILABLE, 503", "INTERNAL, 500",
        "INVALID_QUERY_STRING, 400", "STARTING, 503", "OVERLOADED, 503", "HEADERS_TOO_LARGE, 431", "RATE_LIMITED, 429",
        "SOMETHING_NEW, 500"
    })
    void maps(String code, int status) {
        assertThat(ErrorStatusTable.statusOf(code)).isEqualTo(status);
    }

    @ParameterizedTest
    @DisplayName("no service error code falls through to 500")
    @CsvSource({
        ErrorCodes.PROMPT_EMPTY, ErrorCodes.PROMPT_INVALID, ErrorCodes.PROMPT_TOO_LARGE, ErrorCodes.INVALID_REQUEST_ID,
        ErrorCodes.INVALID_SESSION_ID, ErrorCodes.INVALID_USER_ID, ErrorCodes.INVALID_CURSOR, ErrorCodes.INVALID_PAGE_SIZE,
        ErrorCodes.INVALID_QUERY, ErrorCodes.SESSION_NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND, ErrorCodes.SESSION_BUSY, ErrorCodes.SESSION_ARCHIVED,
        ErrorCodes.DEPENDENCY_UNAVAILABLE
    })
    void coversContract(String code) {
        assertThat(ErrorStatusTable.statusOf(code)).isNotEqualTo(500);
    }
}
