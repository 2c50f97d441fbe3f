package io.chatstream.gateway.backend.infrastructure;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a fixed list of instances to the channel's load balancer, one address group per instance (all
 * the addresses its name has). Names are looked up off the channel's thread, at start and again whenever
 * the channel asks (after it lost a connection), so an instance whose address changed is found again.
 */
final class StaticInstancesResolver extends NameResolver {

    private static final Logger LOG = LoggerFactory.getLogger(StaticInstancesResolver.class);

    private final List<ServiceInstance> instances;
    private final Executor lookups;
    private final SynchronizationContext sync;
    private Listener2 listener;
    private boolean resolving;
    private boolean shutdown;

    StaticInstancesResolver(List<ServiceInstance> instances, Executor lookups, SynchronizationContext sync) {
        this.instances = List.copyOf(instances);
        this.lookups = lookups;
        this.sync = sync;
    }

    /** The first instance: plaintext calls need some authority, and all instances serve the same service. */
    @Override
    public String getServiceAuthority() {
        return instances.get(0).toString();
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
    }

    @Override
    public void refresh() {
        resolve();
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    /** Runs in the channel's synchronization context, like every other method here. */
    private void resolve() {
        if (resolving || shutdown) {
            return;
        }
        resolving = true;
        lookups.execute(() -> {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            for (ServiceInstance instance : instances) {
                try {
                    groups.add(new EquivalentAddressGroup(instance.addresses()));
                } catch (UnknownHostException e) {
                    LOG.warn("gRPC instance {} left out: its name does not resolve", instance);
                }
            }
            sync.execute(() -> deliver(groups));
        });
    }

    private void deliver(List<EquivalentAddressGroup> groups) {
        resolving = false;
        if (shutdown) {
            return;
        }
        if (groups.isEmpty()) {
            // The channel asks again later, with back-off.
            listener.onError(Status.UNAVAILABLE.withDescription("no name resolves: " + instances));
            return;
        }
        listener.onResult2(ResolutionResult.newBuilder().setAddressesOrError(StatusOr.fromValue(groups)).build());
    }
}
