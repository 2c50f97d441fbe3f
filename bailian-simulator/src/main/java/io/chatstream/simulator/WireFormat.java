package io.chatstream.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The bytes DashScope puts on the wire: SSE result and error events, and JSON error bodies. */
final class WireFormat {

    static final String EVENT_STREAM = "text/event-stream;charset=UTF-8";
    static final String JSON_TYPE = "application/json;charset=UTF-8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFormat() {
    }

    /** One {@code event:result} frame with a content delta and the cumulative usage. */
    static byte[] resultEvent(int id, String delta, String finishReason, int inputTokens, int outputTokens,
                              String requestId, boolean multimodal) {
        String data = write(resultPayload(delta, finishReason, inputTokens, outputTokens, requestId, multimodal));
        return frame(id, "result", 200, data);
    }

    /** The payload of a result event, also the whole body of a non-streaming answer. */
    static ObjectNode resultPayload(String content, String finishReason, int inputTokens, int outputTokens,
                                    String requestId, boolean multimodal) {
        ObjectNode payload = JSON.createObjectNode();
        ObjectNode choice = payload.putObject("output").putArray("choices").addObject();
        ObjectNode message = choice.putObject("message");
        if (multimodal) {
            // The multimodal API carries content as an array of parts; the final empty delta is [].
            var parts = message.putArray("content");
            if (!content.isEmpty()) {
                parts.addObject().put("text", content);
            }
        } else {
            message.put("content", content);
        }
        message.put("role", "assistant");
        // DashScope sends the string "null" (not JSON null) until the last event.
        choice.put("finish_reason", finishReason == null ? "null" : finishReason);
        ObjectNode usage = payload.putObject("usage");
        usage.put("total_tokens", inputTokens + outputTokens);
        usage.put("output_tokens", outputTokens);
        usage.put("input_tokens", inputTokens);
        payload.put("request_id", requestId);
        return payload;
    }

    /** An {@code event:error} frame; the client reports it with status 400 whatever {@code httpStatus} says. */
    static byte[] errorEvent(int id, int httpStatus, String code, String message, String requestId) {
        return frame(id, "error", httpStatus, write(errorPayload(code, message, requestId)));
    }

    static byte[] errorBody(String code, String message, String requestId) {
        return write(errorPayload(code, message, requestId)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(ObjectNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode errorPayload(String code, String message, String requestId) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("code", code);
        payload.put("message", message);
        payload.put("request_id", requestId);
        return payload;
    }

    private static byte[] frame(int id, String event, int httpStatus, String data) {
        String frame = "id:" + id + "\nevent:" + event + "\n:HTTP_STATUS/" + httpStatus + "\ndata:" + data + "\n\n";
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
