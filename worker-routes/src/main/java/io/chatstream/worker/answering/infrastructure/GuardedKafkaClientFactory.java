package io.chatstream.worker.answering.infrastructure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka clients for the Camel component whose consumers pass every offset commit through the
 * {@link OffsetGuard}. Commits without offsets (commit all consumed positions) are dropped:
 * with auto-commit off Camel does not issue them, and they would bypass the guard.
 */
public final class GuardedKafkaClientFactory extends DefaultKafkaClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedKafkaClientFactory.class);

    private final OffsetGuard guard;

    public GuardedKafkaClientFactory(OffsetGuard guard) {
        this.guard = guard;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Consumer getConsumer(Properties props) {
        return guarded(super.getConsumer(props), guard);
    }

    /** The consumer with its commits clamped and its rebalance listener telling the guard about revocations. */
    @SuppressWarnings("rawtypes")
    static Consumer guarded(Consumer consumer, OffsetGuard guard) {
        InvocationHandler handler = (proxy, method, args) -> invoke(consumer, guard, method, args);
        return (Consumer) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                handler);
    }

    @SuppressWarnings("unchecked")
    private static Object invoke(Consumer<?, ?> consumer, OffsetGuard guard, Method method, Object[] args)
            throws Throwable {
        if (method.getName().equals("subscribe") && args != null && args.length == 2
                && args[1] instanceof ConsumerRebalanceListener listener) {
            args = args.clone();
            args[1] = new RevocationListener(listener, guard);
        }
        if (method.getName().equals("poll")) {
            commitReleased(consumer, guard);
        }
        boolean commit = method.getName().equals("commitSync") || method.getName().equals("commitAsync");
        if (commit) {
            if (args == null || args.length == 0 || !(args[0] instanceof Map)) {
                LOG.debug("dropped a commit of all consumed positions: it would bypass the offset guard");
                return null;
            }
            args = args.clone();
            args[0] = guard.clamp((Map<TopicPartition, OffsetAndMetadata>) args[0]);
        }
        try {
            return method.invoke(consumer, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Commits what answers finished since the last commit allow, so a quiet partition's lag still returns to 0. */
    private static void commitReleased(Consumer<?, ?> consumer, OffsetGuard guard) {
        Map<TopicPartition, OffsetAndMetadata> released = guard.released();
        if (!released.isEmpty()) {
            consumer.commitAsync(released, (offsets, e) -> {
                if (e != null) {
                    // Harmless: the next record's commit covers it, and a redelivery is de-duplicated.
                    LOG.debug("commit of finished answers failed: {}", e.toString());
                }
            });
        }
    }

    /** Tells the guard about revocations and assignments before Camel reacts to them. */
    private record RevocationListener(ConsumerRebalanceListener delegate, OffsetGuard guard)
            implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            guard.revoked(partitions);
            delegate.onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            guard.assigned(partitions);
            delegate.onPartitionsAssigned(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            guard.lost(partitions);
            delegate.onPartitionsLost(partitions);
        }
    }
}
