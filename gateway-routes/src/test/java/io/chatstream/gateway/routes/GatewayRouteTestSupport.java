package io.chatstream.gateway.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.reset;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.identity.application.AccessTokens;
import io.chatstream.gateway.identity.application.IdentityProvider;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The route-test harness of the gateway: the shipped {@code camel/*.camel.yaml} files (and nothing from an ops
 * folder) in a Camel context without a web server. Each REST route is advised once to start at
 * {@code direct:<route id>} instead of the servlet; {@link #call} finds the route by verb and path as the servlet
 * would ({@link RestRoutes}), hands it the request as platform-http does (body as text, path and query parameters
 * and request headers as headers) and returns the reply it would write. All route test classes share one
 * application context; the port doubles are reset before each test.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(classes = RouteTestConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "camel.main.routes-include-pattern=classpath:camel/*.camel.yaml",
        "camel.main.routes-reload-enabled=false",
        // Blank: no ops folder, so ExternalRouteOverrides leaves the include pattern above as it is.
        "chat.routes.dir=",
        "camel.main.jmx-enabled=false",
        // As in the local profile: the dev sign-in answers (its off switch is IssuingDevToken's, tested there).
        "chat.auth.dev-token-enabled=true"})
abstract class GatewayRouteTestSupport {

    static final String ERROR_HANDLING = "gateway-http-errors";

    /** Read once per Camel context, before the advice replaces the {@code rest:} inputs it is read from. */
    private static RestRoutes restRoutes;

    @Autowired
    ModelCamelContext context;
    @Autowired
    ProducerTemplate template;
    @Autowired
    ChatCommands commands;
    @Autowired
    ChatQueries queries;
    @Autowired
    SendRateLimits limits;
    @Autowired
    AccessTokens tokens;
    @Autowired
    IdentityProvider provider;

    @BeforeEach
    void adviseOnceAndStart() throws Exception {
        reset(commands, queries, limits, tokens, provider);
        SecurityContextHolder.clearContext();
        if (context.isStarted()) {
            return;
        }
        restRoutes = RestRoutes.of(model());
        for (String route : restRoutes.served().keySet()) {
            AdviceWith.adviceWith(context, route, a -> a.replaceFromWith("direct:" + route));
        }
        context.start();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** The request runs on this thread (direct endpoints), so it sees this caller as the security filter would set it. */
    void signedInAs(String user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
    }

    /** Route id to "VERB /path" of every REST route, as shipped. */
    Map<String, String> served() {
        return restRoutes.served();
    }

    /** Sends {@code request} into the route that serves its verb and path, and returns what that route answers. */
    ApiReply call(ApiRequest request) {
        RestRoutes.Match match = restRoutes.find(request.verb(), request.path())
                .orElseThrow(() -> new AssertionError("no route serves " + request.verb() + " " + request.path()));
        Map<String, Object> headers = new HashMap<>(ApiRequest.HEADERS);
        if (request.body() != null) {
            headers.put(Exchange.CONTENT_TYPE, "application/json");
        }
        for (String pair : request.query().split("&")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length == 2) {
                headers.put(decode(nameValue[0]), decode(nameValue[1]));
            }
        }
        headers.putAll(request.headers());
        headers.putAll(match.pathParameters());
        Exchange done = template.request("direct:" + match.routeId(), exchange -> {
            exchange.getIn().setHeaders(headers);
            exchange.getIn().setBody(request.body());
        });
        return ApiReply.of(done);
    }

    /** Same JSON as {@code expected}; the order of an object's fields is not part of the contract. */
    static void assertJson(JsonNode actual, String expected) {
        assertThat(actual).isEqualTo(ApiReply.parse(expected));
    }

    Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
