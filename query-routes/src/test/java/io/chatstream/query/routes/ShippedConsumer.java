package io.chatstream.query.routes;

import java.net.URISyntaxException;
import java.util.Map;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/** A route's shipped consumer endpoint, placeholders resolved: what it reads ({@code address}) and how ({@code options}). */
record ShippedConsumer(String address, Map<String, Object> options) {

    static ShippedConsumer parse(String uri) {
        String address = uri.contains("?") ? StringHelper.before(uri, "?") : uri;
        try {
            return new ShippedConsumer(address, URISupport.parseQuery(StringHelper.after(uri, "?", "")));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("unreadable consumer URI " + uri, e);
        }
    }

    String option(String name) {
        Object value = options.get(name);
        return value == null ? null : value.toString();
    }
}
