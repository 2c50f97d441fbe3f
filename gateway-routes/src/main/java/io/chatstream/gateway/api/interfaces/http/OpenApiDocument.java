package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 document of the public API. The JSON routes are described
 * where they are declared (the REST DSL in {@code camel/*.camel.yaml}, read by camel-openapi-java);
 * added here are what the REST DSL cannot describe: the SSE stream (a Spring MVC controller, see
 * README), the error schema every 4xx/5xx uses, and the two ways to present the token.
 */
@RestController
public class OpenApiDocument {

    static final String ERROR_SCHEMA = "Error";
    /** Status → code that any operation can answer, before its route or controller runs. */
    static final Map<String, String> FILTER_CODES = Map.of(
            "400", GatewayCodes.INVALID_QUERY_STRING + " (malformed percent-encoding, not UTF-8, or a repeated parameter)",
            "503", GatewayCodes.STARTING + " (the gateway is starting; Retry-After)");

    private final ObjectProvider<OpenAPI> camelRestDsl;
    private volatile String rendered;

    public OpenApiDocument(ObjectProvider<OpenAPI> camelRestDsl) {
        this.camelRestDsl = camelRestDsl;
    }

    @GetMapping(path = "/api/openapi.json", produces = "application/json")
    public ResponseEntity<String> document() throws Exception {
        String json = rendered;
        if (json == null) {
            json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(complete(camelRestDsl.getObject()));
            rendered = json;
        }
        return ResponseEntity.ok().header("Cache-Control", "no-cache").body(json);
    }

    private static OpenAPI complete(OpenAPI fromRoutes) {
        OpenAPI api = fromRoutes;
        api.setInfo(new Info().title("chatstream public API").version("1")
                .description("JSON API and SSE answer stream of the chatstream gateway. Every error is "
                        + "{\"error\":{\"code\",\"message\"}}; the codes per status are listed in docs/http-api-errors.md."));
        if (api.getPaths() == null) {
            api.setPaths(new Paths());
        }
        api.getPaths().addPathItem("/api/chat/stream", new PathItem().get(streamOperation()));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        api.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
        api.getComponents().addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT"));
        api.getComponents().addSecuritySchemes("cookie", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("chat_token"));
        api.setSecurity(List.of(new SecurityRequirement().addList("bearer"), new SecurityRequirement().addList("cookie")));
        // Every error response of every operation has the one error shape.
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            addFilterCodes(operation);
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        response.setContent(errorContent());
                    }
                });
            }
        }));
        // The sign-in endpoints need no bearer token: they are how one is obtained, renewed or dropped.
        api.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/auth/")) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
        return api;
    }

    /** The codes of the filters in front of every operation (QueryStringFilter, ApiStartupFilter), whatever its route says. */
    private static void addFilterCodes(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        FILTER_CODES.forEach((status, code) -> {
            ApiResponse response = operation.getResponses().get(status);
            if (response == null) {
                operation.getResponses().addApiResponse(status, new ApiResponse().description(code));
            } else if (response.getDescription() == null || !response.getDescription().contains(code)) {
                String before = response.getDescription();
                response.setDescription(before == null || before.isBlank() ? code : before + ", " + code);
            }
        });
    }

    private static Operation streamOperation() {
        ApiResponses responses = new ApiResponses()
                .addApiResponse("200", new ApiResponse().description("""
                        Server-Sent Events: `id:` = seq, `event:` token {"seq","text"} | thinking {"seq","text"} | \
                        reset {"seq","attempt"} | done {"seq","status","finish_reason","usage"} | \
                        error {"seq","code","message"}; JSON `data:`; heartbeat comments (`: ping`). thinking: a piece \
                        of the model's reasoning before its answer (a prompt sent with "thinking": true, on a model that \
                        can), to show apart: never part of the answer's text; reset voids the text and the reasoning so \
                        far. Headers: Cache-Control no-cache, X-Accel-Buffering no. The stream ends after done/error, or \
                        when the client cannot keep up (reconnect with Last-Event-ID: every event with an id, thinking \
                        too, is a place to resume from).""")
                        .content(new Content().addMediaType("text/event-stream", new MediaType().schema(new StringSchema()))));
        new java.util.TreeMap<>(Map.of("400", "INVALID_REQUEST_ID, INVALID_LAST_EVENT_ID", "401", "UNAUTHENTICATED",
                "404", "REQUEST_NOT_FOUND (unknown or another user's request)",
                "429", GatewayCodes.TOO_MANY_STREAMS + " (too many answer streams open for this user or address)",
                "503", "DEPENDENCY_UNAVAILABLE"))
                .forEach((code, text) -> responses.addApiResponse(code, new ApiResponse().description(text).content(errorContent())));
        return new Operation().operationId("gateway-chat-api-stream")
                .summary("Follow an answer as it is generated (resumable)")
                .addParametersItem(new Parameter().in("query").name("request_id").required(true).schema(new StringSchema()))
                .addParametersItem(new Parameter().in("query").name("last_event_id").required(false)
                        .description("resume after this seq (for clients that cannot set Last-Event-ID)").schema(new IntegerSchema()))
                .addParametersItem(new Parameter().in("header").name("Last-Event-ID").required(false)
                        .description("resume after this seq; wins over last_event_id").schema(new IntegerSchema()))
                .responses(responses);
    }

    private static Content errorContent() {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema errorSchema() {
        Schema error = new ObjectSchema()
                .addProperty("code", new StringSchema().description("machine-readable, e.g. RATE_LIMITED"))
                .addProperty("message", new StringSchema().description("safe to show to a person"));
        error.setRequired(List.of("code", "message"));
        Schema body = new ObjectSchema().addProperty("error", error);
        body.setRequired(List.of("error"));
        return body;
    }
}
