package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Rejection;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The last resort of every HTTP route (camel/error-handling.camel.yaml): log it, answer 500 INTERNAL, no stack trace. */
@Component("errorReplies")
public class ErrorReplies {

    private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

    public void internal(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.error("unexpected failure in route {}", exchange.getFromRouteId(), cause);
        HttpReplies.error(exchange, new Rejection(GatewayCodes.INTERNAL, "internal error"));
    }
}
