package io.chatstream.gateway.api.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

@ExtendWith(OutputCaptureExtension.class)
class ApiErrorControllerTest {

    private static ResponseEntity<String> errorFor(int status, boolean routesStarted) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        return new ApiErrorController(() -> routesStarted).error(request);
    }

    @Test
    @DisplayName("an unknown path is a 404 NOT_FOUND once the routes run")
    void notFound() {
        ResponseEntity<String> r = errorFor(404, true);
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody()).contains("\"NOT_FOUND\"");
    }

    @Test
    @DisplayName("while the routes are still starting a 404 is a retryable 503, not a claim that nothing exists")
    void starting() {
        ResponseEntity<String> r = errorFor(404, false);
        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getBody()).contains("\"DEPENDENCY_UNAVAILABLE\"");
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(errorFor(405, false).getStatusCode().value()).isEqualTo(405);
    }

    @Test
    @DisplayName("a request refused because every route thread is busy is a retryable 503 OVERLOADED, not a 500")
    void overloaded() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new jakarta.servlet.ServletException("Request processing failed",
                new org.springframework.core.task.TaskRejectedException("pool full")));
        ResponseEntity<String> r = new ApiErrorController(() -> true).error(request);

        assertThat(r.getStatusCode().value()).isEqualTo(503);
        assertThat(r.getBody()).contains("\"OVERLOADED\"");
        assertThat(r.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(errorFor(500, true).getBody()).contains("\"INTERNAL\"");
    }

    @Test
    @DisplayName("a malformed request refused by the container is a JSON 400 and one log line without the body's text")
    void badRequestLogged(CapturedOutput output) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/chat/send");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new java.io.IOException("trailer too large: my secret prompt"));
        ResponseEntity<String> r = new ApiErrorController(() -> true).error(request);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"INVALID_FIELD\"");
        assertThat(output).contains("POST /api/chat/send refused: 400 INVALID_FIELD (java.io.IOException)")
                .doesNotContain("my secret prompt");
    }
}
