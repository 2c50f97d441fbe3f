package io.chatstream.gateway.routes;

import java.util.Map;

/**
 * One HTTP request to the API: verb, path with an optional query string, and a JSON body (or none). It carries a
 * bearer token header, as a real one would, to show that the reply never echoes request headers.
 */
record ApiRequest(String verb, String target, String body, Map<String, Object> headers) {

    static final Map<String, Object> HEADERS = Map.of("Authorization", "Bearer a-token", "Cookie", "chat_token=a-token");

    static ApiRequest post(String target, String json) {
        return new ApiRequest("POST", target, json, Map.of());
    }

    static ApiRequest patch(String target, String json) {
        return new ApiRequest("PATCH", target, json, Map.of());
    }

    static ApiRequest get(String target) {
        return new ApiRequest("GET", target, null, Map.of());
    }

    static ApiRequest delete(String target) {
        return new ApiRequest("DELETE", target, null, Map.of());
    }

    /** The same request with one more header (replacing a default one of that name, such as Cookie). */
    ApiRequest withHeader(String name, Object value) {
        Map<String, Object> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(verb, target, body, Map.copyOf(more));
    }

    String path() {
        return target.split("\\?", 2)[0];
    }

    String query() {
        String[] parts = target.split("\\?", 2);
        return parts.length > 1 ? parts[1] : "";
    }
}
