package io.chatstream.worker.routes;

import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * A route as its file ships it, placeholders resolved, taken before any advice replaces its endpoints:
 * what it consumes, where it sends, and which error-handling configuration it names.
 */
record ShippedRoute(String from, List<String> sentTo, String configurationId) {

    static ShippedRoute of(CamelContext camel, RouteDefinition route) {
        List<String> sentTo = ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class)
                .stream().map(to -> camel.resolvePropertyPlaceholders(to.getEndpointUri())).toList();
        return new ShippedRoute(camel.resolvePropertyPlaceholders(route.getInput().getEndpointUri()), sentTo,
                route.getRouteConfigurationId());
    }

    boolean consumesKafka() {
        return from.startsWith("kafka:");
    }

    boolean sendsToKafka() {
        return sentTo.stream().anyMatch(uri -> uri.startsWith("kafka:"));
    }

    /** The options of the consumer endpoint, e.g. {@code groupId}. */
    Map<String, Object> fromOptions() {
        return options(from);
    }

    /** The endpoint path of an URI without its options, e.g. {@code kafka:chat.answer.dlq}. */
    static String withoutOptions(String uri) {
        return uri.contains("?") ? StringHelper.before(uri, "?") : uri;
    }

    static Map<String, Object> options(String uri) {
        try {
            return URISupport.parseQuery(uri.contains("?") ? StringHelper.after(uri, "?") : "");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(uri, e);
        }
    }
}
