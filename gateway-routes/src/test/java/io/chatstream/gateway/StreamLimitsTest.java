package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Issue 17: answer streams open at once per user and per client address are capped, and a closed one frees its place. */
@TestPropertySource(properties = {"chat.sse.max-streams-per-user=2", "chat.sse.max-streams-per-address=3"})
class StreamLimitsTest extends GatewayTestSupport {

    private final List<HttpResponse<InputStream>> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (HttpResponse<InputStream> r : open) {
            r.body().close();
        }
    }

    /** An endless answer stream, read until its first event arrived. */
    private HttpResponse<InputStream> openStream(String token, String requestId) throws Exception {
        HttpResponse<InputStream> r = http.send(request("/api/chat/stream?request_id=" + requestId, token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() == 200) {
            open.add(r);
            assertThat(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)).readLine()).isEqualTo("id:1");
        }
        return r;
    }

    private static String refusal(HttpResponse<InputStream> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(429);
        return JSON.readTree(r.body().readAllBytes()).at("/error/code").asText();
    }

    @Test
    @DisplayName("a user's third stream and the address's fourth are 429 TOO_MANY_STREAMS; closing one frees its place")
    void capsPerUserAndAddress() throws Exception {
        String ann = devToken("ann-streams");
        String ben = devToken("ben-streams");
        String cat = devToken("cat-streams");
        HttpResponse<InputStream> first = openStream(ann, "req-endless-0101");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(openStream(ann, "req-endless-0102").statusCode()).isEqualTo(200);

        assertThat(refusal(openStream(ann, "req-endless-0103"))).isEqualTo("TOO_MANY_STREAMS");
        assertThat(openStream(ben, "req-endless-0201").statusCode()).as("another user on the same address").isEqualTo(200);
        assertThat(refusal(openStream(cat, "req-endless-0301"))).as("the address holds 3").isEqualTo("TOO_MANY_STREAMS");

        first.body().close();
        open.remove(first);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> openStream(ann, "req-endless-0104").statusCode() == 200);
    }
}
