package io.chatstream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Guards {@code camel/error-handling.camel.yaml}: the route configuration {@code gateway-http-errors} that every flow
 * route uses turns an unexpected exception into 500 {@code INTERNAL} in the API's error shape, handled (nothing
 * escapes to the servlet), without the exception's text, and without a second attempt of the failed call; the
 * exception is logged server-side with the route it happened in.
 */
@DisplayName("error-handling.camel.yaml: the last resort of every HTTP route")
@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingRouteTest extends GatewayRouteTestSupport {

    private static final IllegalStateException FAILURE = new IllegalStateException("boom: a detail no client may see");

    @Test
    @DisplayName("every route uses gateway-http-errors (without it an exception would reach the servlet as its HTML 500)")
    void everyRouteUsesIt() {
        assertThat(model().getRouteConfigurationDefinitions()).anySatisfy(c -> assertThat(c.getId()).isEqualTo(ERROR_HANDLING));
        assertThat(model().getRouteDefinitions()).isNotEmpty().allSatisfy(r ->
                assertThat(r.getRouteConfigurationId()).as(r.getRouteId()).isEqualTo(ERROR_HANDLING));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gateway-send-prompt", "gateway-stop-prompt", "gateway-list-sessions", "gateway-session-messages",
            "gateway-search-messages", "gateway-rename-session", "gateway-delete-session", "gateway-dev-token",
            "gateway-list-models"})
    @DisplayName("a technical failure is logged with its route, answered 500 INTERNAL without its message, not tried again")
    void technicalFailure(String route, CapturedOutput log) {
        signedInAs("alice");

        ApiReply reply = call(failingRequest(route));

        assertThat(reply.exception()).isNull();
        assertThat(reply.status()).isEqualTo(500);
        assertJson(reply.json(), "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"internal error\"}}");
        assertThat(reply.header("Content-Type")).isEqualTo("application/json;charset=UTF-8");
        assertThat(reply.headers()).doesNotContainKey("Authorization");
        assertThat(Stream.of(commands, queries, tokens).mapToLong(port -> mockingDetails(port).getInvocations().size()).sum())
                .as("calls to the failing port").isEqualTo(1);
        assertThat(log.getOut()).contains("unexpected failure in route " + route, FAILURE.getMessage());
    }

    /** Makes the port behind {@code route} throw, and returns a request that reaches it. */
    private ApiRequest failingRequest(String route) {
        String session = "/api/chat/sessions/sess-existing-1";
        return switch (route) {
            case "gateway-send-prompt" -> {
                when(commands.submit(any(), any(), any(), any(), any(), anyBoolean())).thenThrow(FAILURE);
                // Thinking said, so the send needs no model catalog: only the failing port is called.
                yield ApiRequest.post("/api/chat/send", "{\"prompt\":\"Hello\",\"thinking\":false}");
            }
            case "gateway-list-models" -> {
                when(queries.models(any())).thenThrow(FAILURE);
                yield ApiRequest.get("/api/chat/models");
            }
            case "gateway-stop-prompt" -> {
                when(commands.cancel(any(), any())).thenThrow(FAILURE);
                yield ApiRequest.post("/api/chat/stop", "{\"request_id\":\"req-client-0001\"}");
            }
            case "gateway-list-sessions" -> {
                when(queries.sessions(any(), any())).thenThrow(FAILURE);
                yield ApiRequest.get("/api/chat/sessions");
            }
            case "gateway-session-messages" -> {
                when(queries.messages(any(), any(), any())).thenThrow(FAILURE);
                yield ApiRequest.get(session + "/messages");
            }
            case "gateway-search-messages" -> {
                when(queries.search(any(), any(), any())).thenThrow(FAILURE);
                yield ApiRequest.get("/api/chat/search?q=rome");
            }
            case "gateway-rename-session" -> {
                when(commands.rename(any(), any(), any())).thenThrow(FAILURE);
                yield ApiRequest.patch(session, "{\"title\":\"Rome\"}");
            }
            case "gateway-delete-session" -> {
                when(commands.delete(any(), any())).thenThrow(FAILURE);
                yield ApiRequest.delete(session);
            }
            case "gateway-dev-token" -> {
                when(tokens.mint(any())).thenThrow(FAILURE);
                yield ApiRequest.post("/api/auth/dev-token", "{\"user_id\":\"alice\"}");
            }
            default -> throw new IllegalArgumentException(route);
        };
    }
}
