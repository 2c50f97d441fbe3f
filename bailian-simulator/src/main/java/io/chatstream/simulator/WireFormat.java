package io.chatstream.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** The bytes DashScope puts on the wire: SSE result and error events, JSON error bodies, a proxy's error page. */
final class WireFormat {

    static final String EVENT_STREAM = "text/event-stream;charset=UTF-8";
    static final String JSON_TYPE = "application/json;charset=UTF-8";
    static final String HTML_TYPE = "text/html";

    private static final ObjectMapper JSON = new ObjectMapper();

    private WireFormat() {
    }

    /** One {@code event:result} frame with a content or reasoning delta and the cumulative usage. */
    static byte[] resultEvent(int id, String content, String reasoning, String finishReason, Usage usage,
                              String requestId, boolean multimodal) {
        String data = write(resultPayload(content, reasoning, finishReason, usage, requestId, multimodal));
        return frame(id, "result", 200, data);
    }

    /**
     * The payload of a result event, also the whole body of a non-streaming answer. {@code reasoning}
     * is {@code null} for an answer that does not think; a thinking answer carries
     * {@code reasoning_content} in every event, empty once the content has started.
     */
    static ObjectNode resultPayload(String content, String reasoning, String finishReason, Usage usage,
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
        if (reasoning != null) {
            message.put("reasoning_content", reasoning);
        }
        message.put("role", "assistant");
        // DashScope sends the string "null" (not JSON null) until the last event.
        choice.put("finish_reason", finishReason == null ? "null" : finishReason);
        ObjectNode usageNode = payload.putObject("usage");
        usageNode.put("total_tokens", usage.totalTokens());
        usageNode.put("output_tokens", usage.outputTokens());
        usageNode.put("input_tokens", usage.inputTokens());
        if (reasoning != null) {
            usageNode.putObject("output_tokens_details").put("reasoning_tokens", usage.reasoningTokens());
        }
        payload.put("request_id", requestId);
        return payload;
    }

    /** An {@code event:error} frame; the client reports it with status 400 whatever the code's status says. */
    static byte[] errorEvent(int id, ErrorCode error, String requestId) {
        return frame(id, "error", error.status(), write(errorPayload(error.code(), error.message(), requestId)));
    }

    static byte[] errorBody(String code, String message, String requestId) {
        return write(errorPayload(code, message, requestId)).getBytes(StandardCharsets.UTF_8);
    }

    /** The page a front proxy (nginx, as in front of the real service) shows when the service behind it fails. */
    static byte[] proxyErrorPage(int status, String reason) {
        String title = status + " " + reason;
        return ("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")
                .getBytes(StandardCharsets.UTF_8);
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
