package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes a JSON reply into a platform-http exchange. */
final class HttpReplies {

    private HttpReplies() {
    }

    static <T> void reply(Exchange exchange, int status, Outcome<T> outcome, Function<T, Object> body) {
        if (outcome instanceof Outcome.Done<T> done) {
            json(exchange, status, ApiJson.write(body.apply(done.value())));
        } else {
            error(exchange, ((Outcome.Rejected<T>) outcome).rejection());
        }
    }

    static void error(Exchange exchange, Rejection rejection) {
        json(exchange, ErrorStatusTable.statusOf(rejection.code()), ApiJson.error(rejection));
        if (rejection.retryAfter() != null) {
            exchange.getMessage().setHeader("Retry-After", retryAfterSeconds(rejection));
        }
    }

    /** Whole seconds, rounded up and at least 1: "Retry-After: 0" would invite an immediate retry storm. */
    static long retryAfterSeconds(Rejection rejection) {
        long millis = rejection.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    /** 204: no body and no content type. */
    static void noContent(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        message.setBody(null);
    }

    static void json(Exchange exchange, int status, String json) {
        Message message = exchange.getMessage();
        // platform-http copies message headers into the response: drop the request's (Authorization, Cookie ...).
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json;charset=UTF-8");
        // Bytes, not a String: Camel would encode a String with the JVM default charset on GETs.
        message.setBody(json.getBytes(StandardCharsets.UTF_8));
    }
}
