package io.chatstream.worker.infrastructure;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
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
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Consumer getConsumer(Properties props) {
        Consumer consumer = super.getConsumer(props);
        InvocationHandler handler = (proxy, method, args) -> invoke(consumer, method, args);
        return (Consumer) Proxy.newProxyInstance(Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class},
                handler);
    }

    @SuppressWarnings("unchecked")
    private Object invoke(Consumer<?, ?> consumer, Method method, Object[] args) throws Throwable {
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
}
