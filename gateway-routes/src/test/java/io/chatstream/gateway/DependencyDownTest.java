package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** With the services down the gateway answers 503 at once, and recovers when they are back. */
class DependencyDownTest extends GatewayTestSupport {

    @Test
    @DisplayName("a stopped service is a 503 DEPENDENCY_UNAVAILABLE and the gateway not ready; it recovers when it returns")
    void serviceDown() throws Exception {
        String token = devToken("alice");
        FAKES.stop();
        try {
            assertThat(errorCode(post("/api/chat/send", "{\"prompt\":\"hi\"}", token), 503)).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(errorCode(get("/api/chat/sessions", token), 503)).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(errorCode(get("/api/chat/stream?request_id=req-stream-0001", token), 503)).isEqualTo("DEPENDENCY_UNAVAILABLE");
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get("/actuator/health/readiness", null).statusCode() == 503);
        } finally {
            FAKES.startServer();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> post("/api/chat/send", "{\"prompt\":\"hi\"}", token).statusCode() == 202
                        && get("/api/chat/sessions", token).statusCode() == 200);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/actuator/health/readiness", null).statusCode() == 200);
    }
}
