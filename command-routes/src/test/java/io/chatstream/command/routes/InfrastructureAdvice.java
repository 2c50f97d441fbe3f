package io.chatstream.command.routes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.model.ModelCamelContext;

/**
 * Cuts the shipped routes off from infrastructure, by route id, before Camel starts: the gRPC server,
 * the Kafka consumer and the relay's timer become {@code direct:} endpoints the tests send to, the relay's
 * wake-ups become a {@code mock:} endpoint. Done once for the one shared context;
 * the shipped input URIs are kept so tests can check what is fixed on purpose in them.
 */
final class InfrastructureAdvice {

    static final String GRPC_CALL = "direct:grpc-call";
    static final String ANSWER_RECORD = "direct:answer-completed-record";
    static final String TITLE_APPLY = "direct:session-title-apply";
    static final String POLL_TICK = "direct:outbox-relay-poll-tick";
    static final String CLEANUP_TICK = "direct:outbox-cleanup-tick";

    static final String NEXT_RUN = "mock:next-relay-run";

    // The wake-up step as shipped ("to[<uri>]", matched as a whole, so never the filter around it); braces
    // escaped, or AdviceWith would resolve the placeholder in the pattern.
    private static final String WAKE_UP = "to\\[\\{\\{chat\\.outbox\\.trigger-uri\\}\\}\\]";

    private static final Map<String, String> SHIPPED_INPUTS = new ConcurrentHashMap<>();

    private InfrastructureAdvice() {
    }

    static synchronized void applyOnce(ModelCamelContext camel) throws Exception {
        if (camel.isStarted()) {
            return;
        }
        replaceInput(camel, "command-grpc-entry", GRPC_CALL);
        replaceInput(camel, "command-record-answer", ANSWER_RECORD);
        replaceInput(camel, "command-apply-suggested-title", TITLE_APPLY);
        replaceInput(camel, "command-outbox-relay-poll", POLL_TICK);
        replaceInput(camel, "command-outbox-cleanup", CLEANUP_TICK);
        AdviceWith.adviceWith(camel, "command-outbox-relay-poll",
                a -> a.weaveByToString(WAKE_UP).replace().to(NEXT_RUN));
        // The relay keeps its shipped SEDA input: the tests wake it through chat.outbox.trigger-uri, as the use cases do.
        AdviceWith.adviceWith(camel, "command-outbox-relay", a -> a.weaveByToString(WAKE_UP).replace().to(NEXT_RUN));
        camel.start();
    }

    /** The route's input as shipped, placeholders resolved (before {@link #applyOnce} replaced it). */
    static String shippedInput(String routeId) {
        return SHIPPED_INPUTS.get(routeId);
    }

    private static void replaceInput(ModelCamelContext camel, String routeId, String uri) throws Exception {
        String shipped = camel.getRouteDefinition(routeId).getInput().getEndpointUri();
        SHIPPED_INPUTS.put(routeId, camel.resolvePropertyPlaceholders(shipped));
        AdviceWith.adviceWith(camel, routeId, a -> a.replaceFromWith(uri));
    }
}
