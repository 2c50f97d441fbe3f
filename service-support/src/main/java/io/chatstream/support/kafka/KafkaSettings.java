package io.chatstream.support.kafka;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.kafka.*} (chat-kafka.yml) as Java reads it: the brokers, for the clients the services build
 * themselves (health check, offset metrics, the read-model rebuild). Group membership and the rest of
 * that block are read by the Camel Kafka component only.
 *
 * @param brokers the Kafka bootstrap servers
 */
@ConfigurationProperties("chat.kafka")
public record KafkaSettings(String brokers) {

    public KafkaSettings {
        Objects.requireNonNull(brokers, "chat.kafka.brokers is not set");
    }
}
