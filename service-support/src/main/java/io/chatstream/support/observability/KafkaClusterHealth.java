package io.chatstream.support.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Kafka is reachable when the cluster answers {@code describeCluster} with at least one broker.
 * One long-lived AdminClient (it reconnects by itself); {@link BackgroundHealth} runs the check.
 */
public final class KafkaClusterHealth implements HealthIndicator, AutoCloseable {

    private final AdminClient admin;
    private final Duration timeout;

    /**
     * @param client the common client properties (brokers and credentials: {@code KafkaSettings.clientProperties()})
     */
    public KafkaClusterHealth(Map<String, Object> client, Duration timeout) {
        int millis = (int) Math.max(500, timeout.toMillis());
        this.timeout = timeout;
        Map<String, Object> props = new HashMap<>(client);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        // Do not hammer a dead broker between probes.
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        this.admin = AdminClient.create(props);
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            String id = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return brokers > 0
                    ? Health.up().withDetail("clusterId", id).withDetail("brokers", brokers).build()
                    : Health.down().withDetail("brokers", 0).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
