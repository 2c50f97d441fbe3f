package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/openapi.json lists every public endpoint (ARCHITECTURE.md + session management), the SSE one and the error schema. */
class OpenApiDocumentTest extends GatewayTestSupport {

    /** The public API: ARCHITECTURE.md's table plus rename/delete, search, models, versions and sign-in (gateway-routes/README.md). */
    private static final List<String> PUBLIC_API = List.of(
            "post /api/chat/send", "get /api/chat/stream", "post /api/chat/stop", "get /api/chat/sessions",
            "get /api/chat/sessions/{id}/messages", "patch /api/chat/sessions/{id}", "delete /api/chat/sessions/{id}",
            "get /api/chat/search", "get /api/chat/models", "post /api/auth/dev-token", "post /api/chat/regenerate",
            "post /api/chat/select-version", "get /api/auth/options", "post /api/auth/refresh", "post /api/auth/logout", "get /api/chat/me");

    @Autowired
    CamelContext camel;

    @Test
    @DisplayName("the document is served without a token and lists every public endpoint with its error responses")
    void listsEveryEndpoint() throws Exception {
        HttpResponse<String> r = get("/api/openapi.json", null);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = json(r);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> documented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method + " " + path.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(PUBLIC_API);
        for (String endpoint : PUBLIC_API) {
            String[] parts = endpoint.split(" ");
            JsonNode operation = doc.get("paths").get(parts[1]).get(parts[0]);
            assertThat(operation.get("responses").fieldNames()).as(endpoint).toIterable()
                    .anyMatch(code -> code.startsWith("2")).anyMatch(code -> code.startsWith("4"));
            // The filters in front of every operation: a malformed query string, and the gateway still starting.
            assertThat(operation.at("/responses/400/description").asText()).as(endpoint).contains("INVALID_QUERY_STRING");
            assertThat(operation.at("/responses/503/description").asText()).as(endpoint).contains("STARTING");
            operation.get("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText())
                            .as("%s %s", endpoint, response.getKey()).isEqualTo("#/components/schemas/Error");
                }
            });
        }
        assertThat(doc.at("/components/schemas/Error/properties/error/properties/code/type").asText()).isEqualTo("string");
        assertThat(doc.at("/paths/~1api~1chat~1stream/get/responses/200/content").has("text/event-stream")).isTrue();
        assertThat(doc.at("/paths/~1api~1chat~1send/post/responses").has("429")).isTrue();
    }

    @Test
    @DisplayName("thinking is documented: the send body's flag, the stream's thinking event, and reasoning in the messages")
    void documentsThinking() throws Exception {
        JsonNode paths = json(get("/api/openapi.json", null)).get("paths");

        JsonNode send = paths.at("/~1api~1chat~1send/post");
        assertThat(send.at("/requestBody/description").asText()).contains("\"thinking\"?: boolean", "INVALID_FIELD");
        assertThat(send.at("/summary").asText()).contains("\"thinking\": true", "\"thinking\" events", "\"reasoning\"");
        assertThat(paths.at("/~1api~1chat~1stream/get/responses/200/description").asText())
                .contains("thinking {\"seq\",\"text\"}", "reset voids the text and the reasoning");
        assertThat(paths.at("/~1api~1chat~1sessions~1{id}~1messages/get/summary").asText()).contains("\"reasoning\"");
    }

    @Test
    @DisplayName("pins are documented: the PATCH body's flag, and the list's order and field")
    void documentsPins() throws Exception {
        JsonNode paths = json(get("/api/openapi.json", null)).get("paths");

        JsonNode patch = paths.at("/~1api~1chat~1sessions~1{id}/patch");
        assertThat(patch.at("/requestBody/description").asText()).contains("\"title\"", "\"pinned\": boolean");
        assertThat(patch.at("/summary").asText()).contains("pin it", "{\"session_id\",\"title\",\"pinned\"}");
        assertThat(patch.at("/responses/400/description").asText()).contains("INVALID_FIELD");
        assertThat(paths.at("/~1api~1chat~1sessions/get/summary").asText()).contains("pinned ones first", "\"pinned\"");
    }

    @Test
    @DisplayName("every REST DSL verb in the Camel context is in the document (a new route cannot be forgotten)")
    void coversEveryRestRoute() throws Exception {
        JsonNode paths = json(get("/api/openapi.json", null)).get("paths");
        List<RestDefinition> rests = camel.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions();
        assertThat(rests).isNotEmpty();
        for (RestDefinition rest : rests) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = rest.getPath() + verb.getPath();
                assertThat(paths.has(path)).as(path).isTrue();
                assertThat(paths.get(path).has(verb.asVerb().toLowerCase(Locale.ROOT))).as(verb.asVerb() + " " + path).isTrue();
            }
        }
    }
}
