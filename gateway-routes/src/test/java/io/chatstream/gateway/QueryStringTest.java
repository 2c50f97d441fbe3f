package io.chatstream.gateway;

import io.chatstream.testing.RawHttp;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 15: every malformed query parameter is a 400 with a JSON code. Tomcat silently drops a parameter
 * whose percent-encoding is broken, so {@code ?cursor=%%%} used to be the first page (200).
 */
@ExtendWith(OutputCaptureExtension.class)
class QueryStringTest extends GatewayTestSupport {

    @BeforeEach
    void forget() {
        FAKES.query.lastList.set(null);
        FAKES.query.lastMessages.set(null);
        FAKES.query.lastSearch.set(null);
        FAKES.query.lastStream.set(null);
        FAKES.command.lastSubmit.set(null);
        FAKES.command.lastCancel.set(null);
        FAKES.command.lastRename.set(null);
        FAKES.command.lastDelete.set(null);
    }

    @ParameterizedTest(name = "{0} {1}")
    @DisplayName("a malformed query string is 400 INVALID_QUERY_STRING on every endpoint, and reaches no service")
    @CsvSource(delimiter = ' ', value = {
        "GET /api/chat/sessions?cursor=%%%garbage",
        "GET /api/chat/sessions?page_size=%zz",
        "GET /api/chat/sessions?cursor=%FF",
        "GET /api/chat/sessions?%%=1",
        "GET /api/chat/sessions?cursor=line%0Abreak",
        "GET /api/chat/sessions?cursor=%00",
        "GET /api/chat/sessions/sess-newest-01/messages?cursor=%E0%A4",
        "GET /api/chat/sessions/sess-newest-01/messages?page_size=1%",
        "GET /api/chat/search?q=%E5%A4%A9%",
        "GET /api/chat/search?q=new%0Aline",
        "GET /api/chat/stream?request_id=%G1",
        "GET /api/chat/stream?request_id=req-stream-0001%0D%0AX-Injected:%201",
        "GET /api/chat/stream?request_id=req-stream-0001&last_event_id=%",
        "POST /api/chat/send?x=%%",
        "POST /api/chat/stop?request_id=%C3",
        "PATCH /api/chat/sessions/sess-newest-01?title=%ED%A0%80",
        "DELETE /api/chat/sessions/sess-newest-01?x=%",
        "POST /api/auth/dev-token?user_id=%%",
        "GET /api/openapi.json?v=%",
        "GET /api/chat/nothing-here?%",
        "GET /?a=%%",
        "GET /app.js?v=%zz",
        "GET /actuator/health?%"})
    void malformed(String method, String target) throws Exception {
        byte[] body = method.equals("POST") || method.equals("PATCH")
                ? "{\"prompt\":\"hi\",\"request_id\":\"req-query-0001\",\"title\":\"t\",\"user_id\":\"alice\"}"
                        .getBytes(StandardCharsets.UTF_8) : null;
        HttpResponse<String> r = RawHttp.send(port, method, target, body, "Authorization", "Bearer " + devToken("alice"),
                "Content-Type", "application/json");

        assertThat(errorCode(r, 400)).isEqualTo("INVALID_QUERY_STRING");
        assertThat(FAKES.query.lastList.get()).isNull();
        assertThat(FAKES.query.lastMessages.get()).isNull();
        assertThat(FAKES.query.lastSearch.get()).isNull();
        assertThat(FAKES.query.lastStream.get()).isNull();
        assertThat(FAKES.command.lastSubmit.get()).isNull();
        assertThat(FAKES.command.lastCancel.get()).isNull();
        assertThat(FAKES.command.lastRename.get()).isNull();
        assertThat(FAKES.command.lastDelete.get()).isNull();
    }

    @Test
    @DisplayName("it is refused before authentication and logged in one line without a stack trace")
    void beforeAnythingElse(CapturedOutput output) throws Exception {
        HttpResponse<String> r = raw("GET", "/api/chat/sessions?cursor=%%%garbage", null);

        assertThat(errorCode(r, 400)).as("not 401: the query is checked first").isEqualTo("INVALID_QUERY_STRING");
        assertThat(json(r).at("/error/message").asText()).contains("cursor");
        String logged = output.getAll().lines().filter(l -> l.contains("INVALID_QUERY_STRING") && l.contains("%%%garbage"))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(logged.lines()).hasSize(1);
        assertThat(logged).contains("refused GET /api/chat/sessions").doesNotContain("stack_trace", "\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("a parameter repeated in an API request is 400 INVALID_QUERY_STRING, whichever copy a layer would pick")
    @CsvSource({
        "/api/chat/sessions?page_size=10&page_size=20",
        "/api/chat/sessions?cursor=c1&cursor=c1",
        "/api/chat/sessions/sess-newest-01/messages?cursor=a&page_size=5&cursor=b",
        "/api/chat/search?q=rome&q=paris",
        "/api/chat/stream?request_id=req-stream-0001&request_id=req-unknown-0001",
        "/api/chat/stream?request_id=req-stream-0001&last_event_id=1&last_event_id=2"})
    void repeated(String target) throws Exception {
        HttpResponse<String> r = raw("GET", target, devToken("alice"));

        assertThat(errorCode(r, 400)).isEqualTo("INVALID_QUERY_STRING");
        assertThat(json(r).at("/error/message").asText()).contains("more than once");
        assertThat(FAKES.query.lastList.get()).isNull();
        assertThat(FAKES.query.lastSearch.get()).isNull();
        assertThat(FAKES.query.lastStream.get()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @DisplayName("every parameter of every endpoint that is well-encoded but bad gets its own 400 code")
    @CsvSource({
        "/api/chat/sessions?page_size=abc, INVALID_PAGE_SIZE",
        "/api/chat/sessions?page_size=1.5, INVALID_PAGE_SIZE",
        "/api/chat/sessions?page_size=%20, INVALID_PAGE_SIZE",
        "/api/chat/sessions?page_size=0, INVALID_PAGE_SIZE",
        "/api/chat/sessions?page_size=99999999999, INVALID_PAGE_SIZE",
        "/api/chat/sessions?cursor=with%20space, INVALID_CURSOR",
        "/api/chat/sessions?cursor=%C3%A9, INVALID_CURSOR",
        "/api/chat/sessions/sess-newest-01/messages?page_size=-3, INVALID_PAGE_SIZE",
        "/api/chat/sessions/sess-newest-01/messages?cursor=%E2%80%8B, INVALID_CURSOR",
        "/api/chat/sessions/bad%20id/messages, INVALID_SESSION_ID",
        "/api/chat/search, INVALID_QUERY",
        "/api/chat/search?q=%E3%80%80+, INVALID_QUERY",
        "/api/chat/search?q=rome&page_size=-1, INVALID_PAGE_SIZE",
        "/api/chat/search?q=rome&cursor=%C3%A9, INVALID_CURSOR",
        "/api/chat/stream, INVALID_REQUEST_ID",
        "/api/chat/stream?request_id=, INVALID_REQUEST_ID",
        "/api/chat/stream?request_id=req%2Fx, INVALID_REQUEST_ID",
        "/api/chat/stream?request_id={x}, INVALID_REQUEST_ID",
        "/api/chat/stream?request_id=req-stream-0001&last_event_id=abc, INVALID_LAST_EVENT_ID",
        "/api/chat/stream?request_id=req-stream-0001&last_event_id=1.5, INVALID_LAST_EVENT_ID",
        "/api/chat/stream?request_id=req-stream-0001&last_event_id=-1, INVALID_LAST_EVENT_ID",
        "/api/chat/stream?request_id=req-stream-0001&last_event_id=99999999999999999999, INVALID_LAST_EVENT_ID"})
    void badValues(String target, String code) throws Exception {
        HttpResponse<String> r = raw("GET", target, devToken("alice"));

        assertThat(errorCode(r, 400)).isEqualTo(code);
    }

    @Test
    @DisplayName("well-formed encodings still work: escapes, + and the characters browsers send unencoded")
    void wellFormedStillWorks() throws Exception {
        String token = devToken("alice");

        HttpResponse<String> r = raw("GET", "/api/chat/sessions?page_size=%31%30&cursor=c%31&utm={|}[]^`", token);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(FAKES.query.lastList.get().getPageSize()).isEqualTo(10);
        assertThat(FAKES.query.lastList.get().getPage()).isEqualTo("c1");
    }

    @Test
    @DisplayName("outside the API a repeated parameter is allowed (e.g. the actuator's list parameters)")
    void repeatsOutsideTheApi() throws Exception {
        assertThat(raw("GET", "/actuator/health?x=1&x=2", null).statusCode()).isIn(200, 503);
        assertThat(raw("GET", "/index.html?v=1&v=2", null).statusCode()).isEqualTo(200);
    }
}
