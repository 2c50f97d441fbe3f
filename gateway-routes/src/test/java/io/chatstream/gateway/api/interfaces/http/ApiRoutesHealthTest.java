package io.chatstream.gateway.api.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.support.StaticApplicationContext;

class ApiRoutesHealthTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final ApiRoutesHealth health = new ApiRoutesHealth(provider(camel));

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    @DisplayName("out of service until the context and every route have started; then up")
    void upOnceStarted() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").log("a");
                from("direct:b").routeId("b").log("b");
            }
        });
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.hasStarted()).isFalse();

        camel.start();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("routes", "2/2 started");
        assertThat(health.hasStarted()).isTrue();
    }

    @Test
    @DisplayName("a stopped route makes it out of service again, but the API stays 'started' (an outage, not a start)")
    void stoppedRoute() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").routeId("a").log("a");
            }
        });
        camel.start();
        assertThat(health.serving()).isTrue();

        camel.getRouteController().stopRoute("a");

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.hasStarted()).isTrue();
    }

    @Test
    @DisplayName("a started context without any route cannot serve the API yet")
    void noRoutes() {
        camel.start();
        assertThat(health.serving()).isFalse();
        assertThat(new ApiRoutesHealth(provider(null)).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    private static ObjectProvider<CamelContext> provider(CamelContext camel) {
        StaticApplicationContext spring = new StaticApplicationContext();
        if (camel != null) {
            spring.getBeanFactory().registerSingleton("camel", camel);
        }
        return spring.getBeanProvider(CamelContext.class);
    }
}
