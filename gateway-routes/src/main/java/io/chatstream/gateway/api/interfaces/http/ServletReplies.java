package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.Rejection;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The API's JSON error written straight to the servlet response, by the filters that answer before any route runs. */
final class ServletReplies {

    private ServletReplies() {
    }

    /** Status from {@link ErrorStatusTable}; {@code Retry-After} when the rejection says waiting helps. */
    static void error(HttpServletResponse response, Rejection rejection) throws IOException {
        response.setStatus(ErrorStatusTable.statusOf(rejection.code()));
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (rejection.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(HttpReplies.retryAfterSeconds(rejection)));
        }
        response.getWriter().write(ApiJson.error(rejection));
    }
}
