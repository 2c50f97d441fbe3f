package io.chatstream.query.routes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.util.function.ThrowingConsumer;

/**
 * The shipped routes as the route tests run them. Every consumer that reaches infrastructure (the Kafka
 * topics, the gRPC server) is replaced, by route id, with {@code direct:<route-id>}, and the gRPC route's
 * hops to its four flows are mocked (the flows still run behind the mocks). All route tests share one
 * Spring context, so this happens once, before the context starts: a route started unadvised would reach
 * for a broker. The shipped consumer URIs (placeholders resolved) are kept for the tests of the options
 * that docs/routes.md calls fixed on purpose.
 */
final class ShippedRoutes {

    /** The gRPC route's hops, one per ChatQueryService method. */
    static final List<String> GRPC_FLOWS = List.of("direct:stream-answer", "direct:session-messages",
            "direct:list-sessions", "direct:search-messages", "direct:list-models");

    private final CamelContext context;
    private final Map<String, ShippedConsumer> shippedConsumers = new HashMap<>();

    ShippedRoutes(CamelContext context) {
        this.context = context;
    }

    /** Where a test sends what the replaced consumer would have received. */
    static String entry(String routeId) {
        return "direct:" + routeId;
    }

    /** The consumer URI the route ships with, placeholders resolved. */
    ShippedConsumer shippedConsumer(String routeId) {
        return shippedConsumers.get(routeId);
    }

    /** Advises every route that reaches infrastructure and starts Camel; a no-op once started. */
    synchronized void adviseAndStart() throws Exception {
        if (context.isStarted()) {
            return;
        }
        advise("query-grpc", a -> {
            a.replaceFromWith(entry("query-grpc"));
            a.mockEndpoints(GRPC_FLOWS.toArray(String[]::new));
        });
        advise("query-project-prompt", a -> a.replaceFromWith(entry("query-project-prompt")));
        advise("query-project-answer", a -> a.replaceFromWith(entry("query-project-answer")));
        advise("query-project-session-change", a -> a.replaceFromWith(entry("query-project-session-change")));
        advise("query-project-model-catalog", a -> a.replaceFromWith(entry("query-project-model-catalog")));
        refuseInfrastructure();
        context.start();
    }

    private void advise(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice) throws Exception {
        RouteDefinition route = model().getRouteDefinition(routeId);
        if (route == null) {
            throw new IllegalStateException("no shipped route " + routeId);
        }
        shippedConsumers.put(routeId,
                ShippedConsumer.parse(context.resolvePropertyPlaceholders(route.getInput().getEndpointUri())));
        AdviceWith.adviceWith(context, routeId, false, advice);
    }

    /** A route added later that consumes Kafka or serves gRPC must be advised here, not left to connect. */
    private void refuseInfrastructure() {
        for (RouteDefinition route : model().getRouteDefinitions()) {
            String from = route.getInput().getEndpointUri();
            if (!from.startsWith("direct:")) {
                throw new IllegalStateException("route " + route.getRouteId() + " consumes " + from
                        + ": replace it with direct: in ShippedRoutes");
            }
        }
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }
}
