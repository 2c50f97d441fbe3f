package io.chatstream.gateway.backend.infrastructure;

import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The gRPC target scheme {@code static:///host:port,host:port}: a fixed list of instances of one service.
 * grpc-java resolves DNS and Unix socket targets but has no public resolver for a list of addresses.
 * Registered through {@code META-INF/services/io.grpc.NameResolverProvider}, grpc-java's own mechanism.
 */
public final class StaticInstancesResolverProvider extends NameResolverProvider {

    static final String SCHEME = "static";

    /** The instances named by a {@code static:} target; throws IllegalArgumentException saying what is wrong. */
    static List<ServiceInstance> instances(String list) {
        if (list.isBlank()) {
            throw new IllegalArgumentException("the list of host:port is empty");
        }
        return Arrays.stream(list.split(",", -1)).map(ServiceInstance::parse).toList();
    }

    /** The channel target for these instances ({@code [ ]} of IPv6 addresses quoted, as grpc-java expects). */
    static String target(List<ServiceInstance> instances) {
        String list = String.join(",", instances.stream().map(ServiceInstance::toString).toList());
        try {
            return new URI(SCHEME, "", "/" + list, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + list + "' is not a valid list of host:port", e);
        }
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        if (!SCHEME.equals(target.getScheme()) || target.getPath() == null || !target.getPath().startsWith("/")) {
            return null;
        }
        return new StaticInstancesResolver(instances(target.getPath().substring(1)),
                Objects.requireNonNullElse(args.getOffloadExecutor(), Runnable::run), args.getSynchronizationContext());
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 5;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }
}
