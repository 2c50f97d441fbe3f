package io.chatstream.support.kafka;

import org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer;
import org.apache.camel.component.kafka.serde.ToStringKafkaHeaderDeserializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Beans the Camel Kafka component takes by reference in {@code chat-kafka.yml}, so every consumer of
 * the services that talk to Kafka (those that set {@code chat.kafka.brokers}) gets them without its
 * route file naming them.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer")
@ConditionalOnProperty("chat.kafka.brokers")
public class KafkaDefaultsConfiguration {

    /**
     * Record headers as strings (the contracts' headers are all text: trace context, failure code and
     * message of a dead letter): {@code camel.component.kafka.header-deserializer}.
     */
    @Bean
    KafkaHeaderDeserializer kafkaHeaderDeserializer() {
        return new ToStringKafkaHeaderDeserializer();
    }
}
