package io.chatstream.support.kafka;

import org.apache.camel.Ordered;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer;
import org.apache.camel.component.kafka.serde.ToStringKafkaHeaderDeserializer;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What the Camel Kafka component takes besides {@code camel.component.kafka.*} of {@code chat-kafka.yml}, so every
 * consumer and producer of the services that talk to Kafka (those that set {@code chat.kafka.brokers}) gets it
 * without its route file naming it: the header deserializer (by reference in chat-kafka.yml) and the credentials
 * of {@code chat.kafka.*} ({@link KafkaSettings}), set here because yml cannot say "the SASL options only with a
 * SASL protocol".
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.camel.component.kafka.serde.KafkaHeaderDeserializer")
@ConditionalOnProperty("chat.kafka.brokers")
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaDefaultsConfiguration {

    /**
     * Record headers as strings (the contracts' headers are all text: trace context, failure code and
     * message of a dead letter): {@code camel.component.kafka.header-deserializer}.
     */
    @Bean
    KafkaHeaderDeserializer kafkaHeaderDeserializer() {
        return new ToStringKafkaHeaderDeserializer();
    }

    /**
     * The credentials on the Kafka component, whose configuration every endpoint copies. Runs after the
     * starter's own customizer (which copies {@code camel.component.kafka.*}, defaults included), so nothing
     * resets them.
     */
    @Bean
    ComponentCustomizer kafkaCredentialsCustomizer(KafkaSettings kafka) {
        return ComponentCustomizer.builder(KafkaComponent.class).withOrder(Ordered.LOWEST)
                .build(component -> applyCredentials(kafka, component.getConfiguration()));
    }

    /**
     * Sets {@code securityProtocol}; with SASL {@code saslMechanism} and {@code saslJaasConfig}
     * ({@link KafkaSettings#saslJaasConfig()}); with TLS the trust store options that are set. Empty settings
     * leave Camel's defaults, and with PLAINTEXT or SSL no SASL option is touched.
     */
    public static void applyCredentials(KafkaSettings kafka, KafkaConfiguration camel) {
        camel.setSecurityProtocol(kafka.securityProtocol());
        if (kafka.sasl()) {
            camel.setSaslMechanism(kafka.saslMechanism());
            camel.setSaslJaasConfig(kafka.saslJaasConfig());
        }
        if (kafka.tls()) {
            if (!kafka.sslTruststoreLocation().isBlank()) {
                camel.setSslTruststoreLocation(kafka.sslTruststoreLocation());
            }
            if (!kafka.sslTruststorePassword().isEmpty()) {
                camel.setSslTruststorePassword(kafka.sslTruststorePassword());
            }
            if (!kafka.sslTruststoreType().isBlank()) {
                camel.setSslTruststoreType(kafka.sslTruststoreType());
            }
        }
    }
}
