package io.chatstream.query.routes;

import static org.mockito.Mockito.mock;

import io.chatstream.query.projection.infrastructure.ProjectionPositions;
import io.chatstream.query.projection.interfaces.EventProjections;
import io.chatstream.query.streaming.interfaces.GrpcQueryEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import io.chatstream.query.models.interfaces.ModelCatalogProjection;
import org.springframework.context.annotation.Bean;

/**
 * The Spring side of the route tests: Camel only (no DataSource, Redis, Kafka client, gRPC server or the
 * service's own configurations), and test doubles under the bean names the shipped routes call. The
 * use cases behind {@code eventProjections} and {@code grpcQueryEndpoint} are mocked; {@code projectionPositions}
 * is the real adapter, so "the position advances" is checked down to the Kafka manual commit.
 * Deliberately not annotated {@code @Configuration} (its {@code @Bean} methods work all the same): the service's
 * component scan in the ITs never picks it up, and Spring Boot's test support does not go looking for the
 * service's {@code @SpringBootApplication} as it would for a {@code @TestConfiguration}.
 */
@ImportAutoConfiguration(CamelAutoConfiguration.class)
class QueryRouteTestConfiguration {

    @Bean
    EventProjections eventProjections() {
        return mock(EventProjections.class);
    }

    @Bean
    ProjectionPositions projectionPositions() {
        return new ProjectionPositions();
    }

    @Bean
    ModelCatalogProjection modelCatalogProjection() {
        return mock(ModelCatalogProjection.class);
    }

    @Bean
    GrpcQueryEndpoint grpcQueryEndpoint() {
        return mock(GrpcQueryEndpoint.class);
    }

    @Bean
    ShippedRoutes shippedRoutes(CamelContext context) {
        return new ShippedRoutes(context);
    }
}
