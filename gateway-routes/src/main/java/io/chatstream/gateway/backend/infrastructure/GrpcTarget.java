package io.chatstream.gateway.backend.infrastructure;

import io.grpc.NameResolverRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a service's instances are, from a {@code chat.*.grpc-target} setting, checked at start-up:
 * <ul>
 * <li>{@code host:port}: DNS, every address of the name is an instance ({@code dns:///host:port});</li>
 * <li>{@code host:port,host:port,...} (or {@code static:///host:port,...}): a fixed list, one instance each;</li>
 * <li>any other gRPC target URI whose scheme grpc-java knows ({@code dns:///command-headless:9091},
 * {@code unix:///run/command.sock}).</li>
 * </ul>
 *
 * @param setting the setting's name, for messages
 * @param channelTarget what the channel is built with
 */
record GrpcTarget(String setting, String channelTarget) {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /**
     * Throws IllegalArgumentException naming the setting, the value and what is wrong with it (without a
     * cause: this message is what start-up failure shows last).
     */
    static GrpcTarget parse(String setting, String value) {
        String v = value == null ? "" : value.strip();
        try {
            return new GrpcTarget(setting, channelTarget(v));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + "='" + v + "' is not a gRPC target: " + e.getMessage()
                    + ". Expected host:port, a comma-separated list host:port,host:port, or a gRPC target URI such as"
                    + " dns:///command-headless:9091");
        }
    }

    private static String channelTarget(String v) {
        if (v.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        String staticPrefix = StaticInstancesResolverProvider.SCHEME + ":///";
        if (v.startsWith(StaticInstancesResolverProvider.SCHEME + ":")) {
            if (!v.startsWith(staticPrefix)) {
                throw new IllegalArgumentException("a static list is written " + staticPrefix + "host:port,host:port");
            }
            return staticList(v.substring(staticPrefix.length()));
        }
        if (v.contains(",")) {
            return staticList(v);
        }
        int colonSlash = v.indexOf(":/");
        if (colonSlash > 0 && SCHEME.matcher(v.substring(0, colonSlash)).matches()) {
            String scheme = v.substring(0, colonSlash);
            if (NameResolverRegistry.getDefaultRegistry().getProviderForScheme(scheme) == null) {
                throw new IllegalArgumentException("grpc-java has no name resolver for the scheme '" + scheme + "'");
            }
            // The rest is the resolver's to check; it does when the channel is built.
            return v;
        }
        // Written out the way grpc-java itself turns host:port into a DNS target.
        ServiceInstance instance = ServiceInstance.parse(v);
        try {
            return new URI("dns", "", "/" + instance, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String staticList(String list) {
        List<ServiceInstance> instances = StaticInstancesResolverProvider.instances(list);
        return StaticInstancesResolverProvider.target(instances);
    }
}
