package io.chatstream.gateway.routes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;

/**
 * Which route serves which HTTP verb and path, read from the routes' {@code rest:} inputs before the harness replaces
 * them. (Camel inlines a REST verb's {@code to: direct:<flow>} route into the verb, so the route serving
 * {@code POST /api/chat/send} is {@code gateway-send-prompt} itself.)
 */
final class RestRoutes {

    /** One served verb and path template, e.g. PATCH /api/chat/sessions/{id}. */
    record Entry(String routeId, String verb, String path) {
    }

    /** The route a request reaches, and the path parameters platform-http would hand it as headers. */
    record Match(String routeId, Map<String, String> pathParameters) {
    }

    private final List<Entry> entries;

    private RestRoutes(List<Entry> entries) {
        this.entries = entries;
    }

    static RestRoutes of(Model model) {
        return new RestRoutes(model.getRouteDefinitions().stream().filter(r -> Boolean.TRUE.equals(r.isRest()))
                .map(RestRoutes::entry).toList());
    }

    /** Route id to "VERB /path/{param}". */
    Map<String, String> served() {
        Map<String, String> served = new LinkedHashMap<>();
        entries.forEach(e -> served.put(e.routeId(), e.verb() + " " + e.path()));
        return served;
    }

    Optional<Match> find(String verb, String path) {
        for (Entry e : entries) {
            Optional<Map<String, String>> parameters = matches(e.path(), path);
            if (e.verb().equals(verb) && parameters.isPresent()) {
                return Optional.of(new Match(e.routeId(), parameters.get()));
            }
        }
        return Optional.empty();
    }

    /** {@code rest://post:/api/chat:/sessions/%7Bid%7D?produces=...} is POST /api/chat/sessions/{id}. */
    private static Entry entry(RouteDefinition route) {
        String uri = route.getInput().getEndpointUri().replaceFirst("^rest:(//)?", "");
        String[] parts = URLDecoder.decode(uri.split("\\?")[0], StandardCharsets.UTF_8).split(":", 3);
        return new Entry(route.getRouteId(), parts[0].toUpperCase(), parts[1] + (parts.length > 2 ? parts[2] : ""));
    }

    private static Optional<Map<String, String>> matches(String template, String path) {
        String[] want = template.split("/");
        String[] got = path.split("/");
        if (want.length != got.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                parameters.put(want[i].substring(1, want[i].length() - 1), got[i]);
            } else if (!want[i].equals(got[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
