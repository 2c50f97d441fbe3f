package io.chatstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Raw HTTP against a simulator, the way the DashScope SDK calls it, with the SSE body taken apart. */
final class RawExchange {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawExchange() {
    }

    /** A text-generation request for {@code model} with one user message and the given {@code parameters} JSON. */
    static String body(String model, String userText, String parameters) throws Exception {
        var body = WireFormat.mapper().createObjectNode();
        body.put("model", model);
        body.putObject("input").putArray("messages").addObject().put("role", "user").put("content", userText);
        body.set("parameters", WireFormat.mapper().readTree(parameters));
        return body.toString();
    }

    static HttpResponse<String> post(BailianSimulator simulator, String body, boolean sse) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/services/aigc/text-generation/generation"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sse) {
            request.header("X-DashScope-SSE", "enable").header("Accept", "text/event-stream");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code data:} JSON of every event of an SSE body. */
    static List<JsonNode> events(String sseBody) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String event : sseBody.split("\n\n")) {
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    events.add(WireFormat.mapper().readTree(line.substring(5)));
                }
            }
        }
        return events;
    }
}
