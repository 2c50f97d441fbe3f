package io.chatstream.gateway;

import io.chatstream.testing.RawHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.gateway.fakes.FakeChatServices;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.awaitility.Awaitility;
import io.chatstream.support.identity.TestGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15, never half-ready: the real gateway, held at the moment Tomcat already serves the page but Camel
 * has not started the API routes (a hook in Camel's start-up waits for the test). Meanwhile every /api/
 * request is 503 STARTING with Retry-After (never 401/404/500) and readiness is DOWN; once released, the API
 * serves and readiness goes UP.
 */
class ApiStartupTest {

    private static final FakeChatServices FAKES = FakeChatServices.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger port = new AtomicInteger();

    @AfterAll
    static void stopFakes() throws InterruptedException {
        FAKES.stop();
    }

    @Test
    @DisplayName("while the API routes start: page served, every /api/ request 503 STARTING, readiness DOWN; then all UP")
    void neverHalfReady() throws Exception {
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(this::startGateway);
        try {
            assertThat(holding.await(3, TimeUnit.MINUTES)).as("Camel's start-up reached the hook").isTrue();

            assertThat(get("/").statusCode()).isEqualTo(200);
            assertThat(RawHttp.send(port.get(), "HEAD", "/", null).statusCode()).isEqualTo(200);
            assertStarting(RawHttp.send(port.get(), "POST", "/api/auth/dev-token",
                    "{\"user_id\":\"alice\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json"));
            assertStarting(get("/api/chat/sessions"));
            assertStarting(get("/api/chat/stream?request_id=req-stream-0001"));
            assertStarting(get("/api/chat/nothing-here"));
            assertStarting(get("/api/openapi.json"));
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(readiness.body()).at("/components/apiRoutes/status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(app).isNotDone();

            release.countDown();
            app.get(3, TimeUnit.MINUTES);

            HttpResponse<String> token = RawHttp.send(port.get(), "POST", "/api/auth/dev-token",
                    "{\"user_id\":\"alice\"}".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(get("/api/chat/sessions").statusCode()).isEqualTo(401);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get("/actuator/health/readiness").statusCode() == 200);
            assertThat(JSON.readTree(get("/actuator/health/readiness").body()).at("/components/apiRoutes/status").asText())
                    .isEqualTo("UP");
        } finally {
            release.countDown();
            app.thenAccept(ConfigurableApplicationContext::close).get(2, TimeUnit.MINUTES);
        }
    }

    private ConfigurableApplicationContext startGateway() {
        CamelContextConfiguration hold = new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                holding.countDown();
                try {
                    release.await(3, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
            }
        };
        return new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("local")
                .initializers(context -> context.getBeanFactory().registerSingleton("holdCamelStart", hold))
                .listeners((ApplicationListener<ApplicationEvent>) e -> {
                    if (e instanceof WebServerInitializedEvent web) {
                        port.set(web.getWebServer().getPort());
                    }
                })
                // Arguments, not builder properties: those are defaults, below application.yml.
                .run("--server.port=0", "--chat.rate-limit.enabled=false", "--chat.grpc.deadline=2s",
                        "--chat.command.grpc-target=" + FAKES.target(), "--chat.query.grpc-target=" + FAKES.target(),
                        "--chat.http.startup.retry-after=1s", "--management.endpoint.health.show-details=always",
                        "--chat.service-identity.command-key=" + TestGateway.COMMAND_KEY,
                        "--chat.service-identity.query-key=" + TestGateway.QUERY_KEY);
    }

    private static void assertStarting(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("STARTING");
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return RawHttp.send(port.get(), "GET", path, null);
    }
}
