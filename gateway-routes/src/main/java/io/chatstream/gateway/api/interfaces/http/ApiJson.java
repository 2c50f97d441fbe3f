package io.chatstream.gateway.api.interfaces.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.MessageEntry;
import io.chatstream.gateway.backend.application.SearchHit;
import io.chatstream.gateway.backend.application.ModelChoice;
import io.chatstream.gateway.backend.application.SessionSummary;
import io.chatstream.gateway.backend.application.TokenUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The API's JSON: snake_case, ISO-8601 instants, every documented field present (null when unknown). */
public final class ApiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ApiJson() {
    }

    /** Empty when {@code body} is not one well-formed JSON document. */
    public static Optional<JsonNode> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unserializable reply", e);
        }
    }

    public static String error(Rejection rejection) {
        return write(Map.of("error", fields("code", rejection.code(), "message", rejection.message())));
    }

    /** An ordered object from alternating names and values. */
    public static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> usage(TokenUsage usage) {
        return usage == null ? null : fields("input_tokens", usage.inputTokens(), "output_tokens", usage.outputTokens());
    }

    static Map<String, Object> model(ModelChoice m) {
        return fields("id", m.id(), "name", m.displayName(), "thinking", m.thinking(), "vision", m.vision(),
                "context_tokens", m.contextTokens());
    }

    static Map<String, Object> session(SessionSummary s) {
        return fields("session_id", s.sessionId(), "title", s.title(), "updated_at", s.updatedAt(),
                "created_at", s.createdAt(), "message_count", s.messageCount(), "pinned", s.pinned());
    }

    static Map<String, Object> message(MessageEntry m) {
        return fields("request_id", m.requestId(), "role", m.role(), "content", m.content(), "status", m.status(),
                "created_at", m.createdAt(), "turn", m.turn(), "finish_reason", blankToNull(m.finishReason()),
                "error_code", blankToNull(m.errorCode()), "error_message", blankToNull(m.errorMessage()),
                "usage", usage(m.usage()), "reasoning", blankToNull(m.reasoning()), "model", blankToNull(m.model()),
                "versions", m.versions());
    }

    static Map<String, Object> hit(SearchHit h) {
        return fields("session_id", h.sessionId(), "session_title", h.sessionTitle(), "request_id", h.requestId(),
                "role", h.role(), "turn", h.turn(), "snippet", h.snippet(), "created_at", h.createdAt());
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
