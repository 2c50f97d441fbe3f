package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/** Issue 15: HEAD of every public path answers like its GET (it was 401: only GET was permitted without a token). */
class HeadRequestsTest extends GatewayTestSupport {

    /** May differ between two responses: when, and how the body is framed (a HEAD has none to frame). */
    private static final Set<String> FRAMING = Set.of("date", "transfer-encoding", "content-length", "connection",
            "keep-alive");

    @ParameterizedTest(name = "HEAD {0}")
    @DisplayName("HEAD of a public path: the status and headers of its GET, no body")
    @ValueSource(strings = {"/", "/index.html", "/app.js", "/app.css", "/markdown.js", "/favicon.svg",
        "/webjars/marked/lib/marked.umd.js", "/webjars/dompurify/dist/purify.min.js",
        "/webjars/highlightjs/highlight.min.js", "/webjars/katex/dist/katex.min.js", "/webjars/katex/dist/katex.min.css",
        "/api/openapi.json",
        "/favicon.ico", "/actuator/health/liveness"})
    void headLikeGet(String path) throws Exception {
        HttpResponse<String> get = raw("GET", path, null);
        HttpResponse<String> head = raw("HEAD", path, null);

        assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode()).isNotEqualTo(401);
        assertThat(headers(head)).as(path).isEqualTo(headers(get));
        assertThat(head.body()).as(path).isEmpty();
        get.headers().firstValue("Content-Length").ifPresent(length ->
                assertThat(head.headers().firstValue("Content-Length")).as(path).hasValue(length));
        if (path.equals("/") || path.endsWith(".js") || path.endsWith(".json")) {
            assertThat(get.statusCode()).as(path).isEqualTo(200);
        }
    }

    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        Map<String, List<String>> kept = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!FRAMING.contains(name.toLowerCase())) {
                kept.put(name.toLowerCase(), values);
            }
        });
        return kept;
    }
}
