package io.chatstream.gateway.api.interfaces.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import java.util.Optional;

/** Reads a JSON request body strictly: one object; each named field absent, null or of its one type (string or boolean). */
final class RequestFields {

    private final JsonNode root;

    private RequestFields(JsonNode root) {
        this.root = root;
    }

    static Outcome<RequestFields> of(String body) {
        Optional<JsonNode> json = ApiJson.parse(body);
        if (json.isEmpty()) {
            return Outcome.rejected(GatewayCodes.MALFORMED_JSON, "the request body is not valid JSON");
        }
        if (!json.get().isObject()) {
            return Outcome.rejected(GatewayCodes.INVALID_FIELD, "the request body must be a JSON object");
        }
        return Outcome.done(new RequestFields(json.get()));
    }

    /** Null when absent or null; a rejection when present with another type. */
    Outcome<String> text(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Outcome.done(null);
        }
        if (!node.isTextual()) {
            return Outcome.rejected(GatewayCodes.INVALID_FIELD, name + " must be a string");
        }
        String text = node.textValue();
        if (!wellFormed(text)) {
            // A lone surrogate ("\ud800") is legal JSON but not Unicode: protobuf would store it as "?".
            return Outcome.rejected(GatewayCodes.INVALID_FIELD, name + " is not valid Unicode text");
        }
        return Outcome.done(text);
    }

    /**
     * False when absent or null (null reads as absent, like a text field's); a rejection when present with another
     * type: {@code "true"}, 1 or {@code {}} are not taken for a yes.
     */
    Outcome<Boolean> flag(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return Outcome.done(false);
        }
        if (!node.isBoolean()) {
            return Outcome.rejected(GatewayCodes.INVALID_FIELD, name + " must be true or false");
        }
        return Outcome.done(node.booleanValue());
    }

    /** Like {@link #flag}, but null when absent or null, so the caller can tell "not said" from false. */
    Outcome<Boolean> flagOrNull(String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? Outcome.done(null) : flag(name);
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
