package io.chatstream.worker.deadletters.interfaces;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** JSON replies of the ops API; errors have the product's shape {@code {"error":{"code","message"}}}. */
public final class OpsReplies {

    static final ObjectMapper JSON = new ObjectMapper();

    private OpsReplies() {
    }

    static void json(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        // platform-http copies message headers (= the request's, Authorization included) into the response.
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json;charset=UTF-8");
        try {
            message.setBody(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reply", e);
        }
    }

    static void error(Exchange exchange, int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        json(exchange, status, body);
    }
}
