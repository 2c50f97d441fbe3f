package io.chatstream.command.outbox.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.SqlHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Why every sql step of the outbox relay gets a Map body: camel-sql resolves each named parameter
 * ({@code :#owner}, {@code :#in:ids}, {@code :#${...}}) by first converting the body to a Map, and a
 * body that is not one (the trigger String, the row list, a payload) is a type-converter miss each time.
 */
@DisplayName("camel-sql named parameters")
class SqlParameterLookupTest {

    @Test
    @DisplayName("cost a type-converter miss per parameter with a non-Map body, none with a Map body")
    void misses() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            MapConversionCounter misses = MapConversionCounter.install(camel);
            OutboxRelayLease lease = new OutboxRelayLease();

            lookUp(camel, "trigger");
            lookUp(camel, List.of(Map.of("id", 1L)));
            long nonMap = misses.count();

            misses.reset();
            lookUp(camel, lease.parameters());
            long map = misses.count();

            assertThat(nonMap).isGreaterThanOrEqualTo(4);
            assertThat(map).isZero();
        }
    }

    /** What camel-sql does for one named parameter: hasParameter, then lookupParameter. */
    private static void lookUp(DefaultCamelContext camel, Object body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader("owner", "header-owner");
        SqlHelper.hasParameter("owner", exchange, body);
        SqlHelper.lookupParameter("owner", exchange, body);
    }
}
