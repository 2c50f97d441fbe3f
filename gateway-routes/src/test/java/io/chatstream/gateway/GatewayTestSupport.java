package io.chatstream.gateway;

import io.chatstream.testing.RawHttp;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.gateway.fakes.FakeChatServices;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import io.chatstream.support.identity.TestGateway;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port, in front of fake command and query services (real gRPC server).
 * Every test talks real HTTP. Subclasses share one application context and one fake server.
 */
// No Redis here (RateLimitTest has its own and overrides this): never reach for one on a default port.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chat.rate-limit.enabled=false")
@ActiveProfiles("local")
@AutoConfigureObservability
public abstract class GatewayTestSupport {

    protected static final FakeChatServices FAKES = FakeChatServices.start();
    protected static final String SECRET = "chatstream-local-dev-secret-not-for-production-use";
    protected static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("chat.command.grpc-target", FAKES::target);
        // A subclass with query instances of its own names them in test.query.grpc-target: its own dynamic
        // property for chat.query.grpc-target would lose to this one, which Spring registers after it.
        registry.add("chat.query.grpc-target", () -> "${test.query.grpc-target:" + FAKES.target() + "}");
        registry.add("chat.grpc.deadline", () -> "2s");
        registry.add("chat.http.max-body-bytes", () -> "65536");
        registry.add("chat.service-identity.command-key", () -> TestGateway.COMMAND_KEY);
        registry.add("chat.service-identity.query-key", () -> TestGateway.QUERY_KEY);
    }

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    protected HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> patch(String path, String body, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose target goes out byte for byte, even one {@link URI} would refuse ({@code ?cursor=%%%}). */
    protected HttpResponse<String> raw(String method, String target, String token) throws IOException {
        return token == null ? RawHttp.send(port, method, target, null)
                : RawHttp.send(port, method, target, null, "Authorization", "Bearer " + token);
    }

    protected String devToken(String user) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/auth/dev-token", "{\"user_id\":\"" + user + "\"}", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("token").asText();
    }

    protected static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Asserts the API's error shape and returns the code. */
    protected static String errorCode(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        JsonNode error = json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        return error.get("code").asText();
    }
}
