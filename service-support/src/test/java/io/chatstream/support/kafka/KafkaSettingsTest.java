package io.chatstream.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link KafkaSettings#clientProperties()} and the Camel component's credentials, for each protocol. */
class KafkaSettingsTest {

    private static final String BROKERS = "k1:9092,k2:9092";

    private static KafkaSettings settings(String protocol, String mechanism, String user, String password) {
        return new KafkaSettings(BROKERS, protocol, mechanism, user, password, "", "", "");
    }

    @Test
    @DisplayName("PLAINTEXT: the brokers and the protocol, no SASL or TLS key at all")
    void plaintext() {
        KafkaSettings kafka = settings("PLAINTEXT", "PLAIN", "", "");

        assertThat(kafka.clientProperties()).containsExactly(
                Map.entry("bootstrap.servers", BROKERS), Map.entry("security.protocol", "PLAINTEXT"));
        assertThat(kafka.sasl()).isFalse();
        assertThat(kafka.tls()).isFalse();
    }

    @Test
    @DisplayName("PLAINTEXT ignores a user and password that are set")
    void plaintextIgnoresCredentials() {
        KafkaSettings kafka = settings("PLAINTEXT", "PLAIN", "chat", "secret");

        assertThat(kafka.clientProperties()).doesNotContainKeys("sasl.mechanism", "sasl.jaas.config");
    }

    @Test
    @DisplayName("SASL_PLAINTEXT/PLAIN: PlainLoginModule, the password quoted so that a quote and a backslash survive")
    void saslPlainQuotesThePassword() {
        String password = "p\"a\\ss w;rd'";
        KafkaSettings kafka = settings("SASL_PLAINTEXT", "PLAIN", "chat-svc", password);

        Map<String, Object> props = kafka.clientProperties();

        assertThat(props).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN")
                .doesNotContainKeys("ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type");
        String jaas = ((Password) props.get("sasl.jaas.config")).value();
        assertThat(jaas).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"chat-svc\" password=\"p\\\"a\\\\ss w;rd'\";");
        // Kafka's own JAAS parser reads back exactly the user and password.
        AppConfigurationEntry entry = parse(jaas);
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
        assertThat(entry.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
        assertThat(Map.copyOf(entry.getOptions())).isEqualTo(Map.of("username", "chat-svc", "password", password));
    }

    @Test
    @DisplayName("SASL_SSL/SCRAM-SHA-512: ScramLoginModule; the trust store keys that are set, and only those")
    void scramOverTls() {
        KafkaSettings kafka = new KafkaSettings(BROKERS, "SASL_SSL", "SCRAM-SHA-512", "chat", "s3cr\\et",
                "/etc/kafka/truststore.p12", "store-pass", "");

        Map<String, Object> props = kafka.clientProperties();

        assertThat(props).containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                .doesNotContainKey("ssl.truststore.type");
        assertThat(((Password) props.get("ssl.truststore.password")).value()).isEqualTo("store-pass");
        AppConfigurationEntry entry = parse(((Password) props.get("sasl.jaas.config")).value());
        assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(Map.copyOf(entry.getOptions())).isEqualTo(Map.of("username", "chat", "password", "s3cr\\et"));
    }

    @Test
    @DisplayName("SSL with nothing else set: the protocol only (the JVM's trust store), no SASL key")
    void sslWithTheJvmTrustStore() {
        KafkaSettings kafka = settings("SSL", "PLAIN", "", "");

        assertThat(kafka.clientProperties()).containsExactly(
                Map.entry("bootstrap.servers", BROKERS), Map.entry("security.protocol", "SSL"));
    }

    @Test
    @DisplayName("SSL with a PEM trust store: location and type, no password key when it is empty")
    void sslTrustStoreKeysOnlyWhenSet() {
        KafkaSettings kafka = new KafkaSettings(BROKERS, "SSL", "PLAIN", "", "", "/ca.pem", "", "PEM");

        assertThat(kafka.clientProperties()).containsOnlyKeys("bootstrap.servers", "security.protocol",
                "ssl.truststore.location", "ssl.truststore.type").containsEntry("ssl.truststore.type", "PEM");
    }

    @Test
    @DisplayName("neither toString() nor the printed client properties show a password")
    void passwordsAreNotPrinted() {
        KafkaSettings kafka = new KafkaSettings(BROKERS, "SASL_SSL", "PLAIN", "chat", "hunter2-secret",
                "/ts.jks", "store-secret", "JKS");

        assertThat(kafka.toString()).doesNotContain("hunter2-secret", "store-secret").contains("saslPassword=****");
        assertThat(kafka.clientProperties().toString()).doesNotContain("hunter2-secret", "store-secret")
                .contains("[hidden]");
    }

    @Test
    @DisplayName("a SASL protocol without user or password, an unknown protocol or mechanism fail with the key's name")
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> settings("SASL_PLAINTEXT", "PLAIN", "", "x"))
                .hasMessageContaining("chat.kafka.sasl-username");
        assertThatThrownBy(() -> settings("SASL_SSL", "PLAIN", "chat", ""))
                .hasMessageContaining("chat.kafka.sasl-password");
        assertThatThrownBy(() -> settings("SASL_SSL", "GSSAPI", "chat", "x"))
                .hasMessageContaining("chat.kafka.sasl-mechanism");
        assertThatThrownBy(() -> settings("plaintext", "PLAIN", "", ""))
                .hasMessageContaining("chat.kafka.security-protocol");
        assertThatThrownBy(() -> new KafkaSettings(BROKERS, "PLAINTEXT", "PLAIN", "", null, "", "", ""))
                .hasMessage("chat.kafka.sasl-password is not set");
        assertThatThrownBy(() -> settings("PLAINTEXT", "PLAIN", "", "").saslJaasConfig())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("Camel component: PLAINTEXT touches no SASL option; SASL_SSL sets the mechanism, JAAS and trust store")
    void camelComponentOptions() {
        KafkaConfiguration plain = new KafkaConfiguration();
        KafkaDefaultsConfiguration.applyCredentials(settings("PLAINTEXT", "SCRAM-SHA-512", "u", "p"), plain);
        KafkaConfiguration defaults = new KafkaConfiguration();
        assertThat(plain.getSecurityProtocol()).isEqualTo("PLAINTEXT");
        assertThat(plain.getSaslMechanism()).isEqualTo(defaults.getSaslMechanism());
        assertThat(plain.getSaslJaasConfig()).isNull();
        assertThat(plain.getSslTruststoreLocation()).isNull();

        KafkaConfiguration sasl = new KafkaConfiguration();
        KafkaSettings kafka = new KafkaSettings(BROKERS, "SASL_SSL", "SCRAM-SHA-256", "chat", "pw", "/ts.p12", "", "PKCS12");
        KafkaDefaultsConfiguration.applyCredentials(kafka, sasl);
        assertThat(sasl.getSecurityProtocol()).isEqualTo("SASL_SSL");
        assertThat(sasl.getSaslMechanism()).isEqualTo("SCRAM-SHA-256");
        assertThat(sasl.getSaslJaasConfig()).isEqualTo(kafka.saslJaasConfig());
        assertThat(sasl.getSslTruststoreLocation()).isEqualTo("/ts.p12");
        assertThat(sasl.getSslTruststorePassword()).isNull();
        assertThat(sasl.getSslTruststoreType()).isEqualTo("PKCS12");
    }

    private static AppConfigurationEntry parse(String jaas) {
        // As the Kafka clients read sasl.jaas.config.
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                Map.of("sasl.jaas.config", new Password(jaas))).configurationEntries();
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
