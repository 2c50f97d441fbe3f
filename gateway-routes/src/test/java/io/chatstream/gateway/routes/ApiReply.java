package io.chatstream.gateway.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.CaseInsensitiveMap;

/**
 * What a REST route answered: status, JSON body (null for none), the headers platform-http would send as response
 * headers, and the exception that escaped the route (null when handled).
 */
record ApiReply(int status, JsonNode json, Map<String, Object> headers, Exception exception) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ApiReply of(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        try {
            JsonNode json = body == null || body.length == 0 ? null : JSON.readTree(body);
            Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
            return new ApiReply(status == null ? 0 : status, json, new CaseInsensitiveMap(message.getHeaders()),
                    exchange.getException());
        } catch (IOException e) {
            throw new UncheckedIOException("the reply is not JSON: " + new String(body), e);
        }
    }

    /** A JSON document for comparison: objects compare by their fields, in any order. */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code error.code} of the API's error shape, or null. */
    String errorCode() {
        return json == null ? null : json.path("error").path("code").textValue();
    }

    Object header(String name) {
        return headers.get(name);
    }
}
