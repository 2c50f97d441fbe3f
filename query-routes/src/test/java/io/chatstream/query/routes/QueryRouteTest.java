package io.chatstream.query.routes;

import io.chatstream.query.projection.interfaces.EventProjections;
import io.chatstream.query.streaming.interfaces.GrpcQueryEndpoint;
import io.grpc.stub.StreamObserver;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.component.grpc.GrpcConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * Base of the query service's route tests: the shipped route files (and only those) in one Camel context
 * shared by every route test, the service's application.yml for the placeholders, test doubles for the beans
 * the routes call, and no broker, database, Redis or network ({@link ShippedRoutes}). The retry pause is
 * shortened so the redelivery tests take milliseconds; everything else keeps its shipped default.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = QueryRouteTestConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "camel.main.routes-include-pattern=classpath:camel/*.camel.yaml",
                "camel.main.routes-reload-enabled=false",
                "chat.routes.dir=target/route-tests-have-no-ops-routes",
                "chat.query.redelivery-delay-ms=1"})
abstract class QueryRouteTest {

    @Autowired
    CamelContext context;
    @Autowired
    ProducerTemplate template;
    @Autowired
    ShippedRoutes routes;
    @Autowired
    Environment environment;
    @Autowired
    EventProjections projections;
    @Autowired
    GrpcQueryEndpoint endpoint;

    @BeforeEach
    void startShippedRoutes() throws Exception {
        routes.adviseAndStart();
        Mockito.reset(projections, endpoint);
        MockEndpoint.resetMocks(context);
    }

    /** A call as the gRPC consumer hands it over: the request, its method name and the call's observer. */
    Exchange grpcCall(String method, Object request, StreamObserver<?> observer) {
        return ExchangeBuilder.anExchange(context).withBody(request)
                .withHeader(GrpcConstants.GRPC_METHOD_NAME_HEADER, method)
                .withProperty(GrpcConstants.GRPC_RESPONSE_OBSERVER, observer).build();
    }

    RouteDefinition routeDefinition(String routeId) {
        return model().getRouteDefinition(routeId);
    }

    Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    /** A property as the service resolves it (application.yml, then the overrides above). */
    String property(String key) {
        return environment.getRequiredProperty(key);
    }
}
