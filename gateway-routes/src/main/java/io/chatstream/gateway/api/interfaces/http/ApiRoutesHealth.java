package io.chatstream.gateway.api.interfaces.http;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * Whether the JSON API can serve: the Camel context and every route in it (the REST DSL routes, which
 * platform-http registers with Spring MVC only when they start) are started. Tomcat listens, and serves
 * the page, seconds before that (Camel starts after the web server, when the Spring context is refreshed);
 * the gRPC channels are beans and exist before Tomcat listens. {@code apiRoutes} in readiness, and the
 * switch of {@link ApiStartupFilter}.
 */
public class ApiRoutesHealth implements HealthIndicator {

    private final ObjectProvider<CamelContext> camel;
    private volatile boolean startedOnce;

    public ApiRoutesHealth(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    /** Now: the context and all its routes started (false again while a route is stopped or reloaded). */
    public boolean serving() {
        CamelContext context = camel.getIfAvailable();
        if (context == null || !context.isStarted()) {
            return false;
        }
        List<Route> routes = context.getRoutes();
        boolean all = !routes.isEmpty() && routes.stream().allMatch(r -> status(context, r).isStarted());
        if (all) {
            startedOnce = true;
        }
        return all;
    }

    /** Latched: once the API has served, a later gap is an outage (503 DEPENDENCY_UNAVAILABLE), not a start. */
    public boolean hasStarted() {
        return startedOnce || serving();
    }

    @Override
    public Health health() {
        CamelContext context = camel.getIfAvailable();
        if (context == null) {
            return Health.status(Status.OUT_OF_SERVICE).withDetail("camel", "not created").build();
        }
        long started = context.getRoutes().stream().filter(r -> status(context, r).isStarted()).count();
        Health.Builder health = serving() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
        return health.withDetail("camel", context.getStatus().name())
                .withDetail("routes", started + "/" + context.getRoutes().size() + " started").build();
    }

    private static ServiceStatus status(CamelContext context, Route route) {
        ServiceStatus status = context.getRouteController().getRouteStatus(route.getId());
        return status == null ? ServiceStatus.Stopped : status;
    }
}
