package io.chatstream.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.springboot.KafkaComponentAutoConfiguration;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * In a Spring Boot context with the Camel Kafka starter, the credentials customizer runs after the starter's own
 * (which copies camel.component.kafka.*, defaults included), so the component keeps chat.kafka's credentials.
 */
class KafkaCredentialsWiringTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    KafkaComponentAutoConfiguration.class, KafkaDefaultsConfiguration.class))
            .withPropertyValues("chat.kafka.brokers=k:9092", "chat.kafka.sasl-mechanism=SCRAM-SHA-512",
                    "chat.kafka.sasl-username=chat", "chat.kafka.ssl-truststore-location=",
                    "chat.kafka.ssl-truststore-password=", "chat.kafka.ssl-truststore-type=",
                    // What chat-kafka.yml sets on the component, so the starter's customizer runs too.
                    "camel.component.kafka.brokers=${chat.kafka.brokers}");

    @Test
    @DisplayName("SASL_SSL: the component gets protocol, mechanism and JAAS line of chat.kafka")
    void saslReachesTheComponent() {
        runner.withPropertyValues("chat.kafka.security-protocol=SASL_SSL", "chat.kafka.sasl-password=pw")
                .run(context -> {
                    KafkaConfiguration camel = context.getBean(CamelContext.class)
                            .getComponent("kafka", KafkaComponent.class).getConfiguration();
                    assertThat(camel.getBrokers()).isEqualTo("k:9092");
                    assertThat(camel.getSecurityProtocol()).isEqualTo("SASL_SSL");
                    assertThat(camel.getSaslMechanism()).isEqualTo("SCRAM-SHA-512");
                    assertThat(camel.getSaslJaasConfig()).isEqualTo(
                            context.getBean(KafkaSettings.class).saslJaasConfig());
                });
    }

    @Test
    @DisplayName("PLAINTEXT: no SASL option is set on the component")
    void plaintextSetsNoSasl() {
        runner.withPropertyValues("chat.kafka.security-protocol=PLAINTEXT", "chat.kafka.sasl-password=pw")
                .run(context -> {
                    KafkaConfiguration camel = context.getBean(CamelContext.class)
                            .getComponent("kafka", KafkaComponent.class).getConfiguration();
                    assertThat(camel.getSecurityProtocol()).isEqualTo("PLAINTEXT");
                    assertThat(camel.getSaslJaasConfig()).isNull();
                    assertThat(camel.getSaslMechanism()).isEqualTo(new KafkaConfiguration().getSaslMechanism());
                });
    }
}
