package io.chatstream.worker.deadletters.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpsGuardTest {

    private final DefaultCamelContext ctx = new DefaultCamelContext();

    private Exchange call(OpsGuard guard, String authorization) {
        Exchange exchange = new DefaultExchange(ctx);
        if (authorization != null) {
            exchange.getMessage().setHeader("Authorization", authorization);
        }
        guard.authenticate(exchange);
        return exchange;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("the configured operator passes and is named for the audit log")
    void passes() {
        Exchange exchange = call(new OpsGuard("ops", "s3cret:with-colon"), basic("ops", "s3cret:with-colon"));

        assertThat(exchange.isRouteStop()).isFalse();
        assertThat(exchange.getProperty(OpsGuard.ACTOR)).isEqualTo("ops");
    }

    @Test
    @DisplayName("a wrong, missing or malformed credential is a 401 that echoes no request header")
    void refuses() {
        OpsGuard guard = new OpsGuard("ops", "s3cret");
        for (String header : new String[] {null, basic("ops", "nope"), basic("root", "s3cret"), "Basic !!!",
                "Bearer s3cret", basic("ops", "")}) {
            Exchange exchange = call(guard, header);
            assertThat(exchange.isRouteStop()).as(String.valueOf(header)).isTrue();
            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(401);
            assertThat(exchange.getMessage().getHeader("Authorization")).isNull();
        }
    }

    @Test
    @DisplayName("without a configured password every call is refused, even one with an empty password")
    void closedByDefault() {
        Exchange exchange = call(new OpsGuard("ops", ""), basic("ops", ""));

        assertThat(exchange.isRouteStop()).isTrue();
    }
}
