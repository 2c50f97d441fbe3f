package io.chatstream.support.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.config.types.Password;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.kafka.*} (chat-kafka.yml) as Java reads it: the brokers and the credentials, for the Camel Kafka
 * component ({@link KafkaDefaultsConfiguration}) and every client the services build themselves (outbox relay,
 * health check, offset metrics, the read-model rebuild), all through {@link #clientProperties()}. Group
 * membership and the rest of that block are read by the Camel Kafka component only.
 *
 * <p>The passwords are never printed: {@link #toString()} masks them and {@link #clientProperties()} carries them
 * as Kafka {@link Password}s, which print as {@code [hidden]}.
 *
 * @param brokers the Kafka bootstrap servers
 * @param securityProtocol PLAINTEXT, SASL_PLAINTEXT, SASL_SSL or SSL
 * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; read only with a SASL protocol
 * @param saslUsername the SASL user; read only with a SASL protocol
 * @param saslPassword the SASL user's password; read only with a SASL protocol
 * @param sslTruststoreLocation trust store file for TLS; empty = the JVM's trust store
 * @param sslTruststorePassword its password; empty = none
 * @param sslTruststoreType its type (JKS, PKCS12, PEM); empty = Kafka's default (JKS)
 */
@ConfigurationProperties("chat.kafka")
public record KafkaSettings(
        String brokers,
        String securityProtocol,
        String saslMechanism,
        String saslUsername,
        String saslPassword,
        String sslTruststoreLocation,
        String sslTruststorePassword,
        String sslTruststoreType) {

    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SSL");
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    public KafkaSettings {
        Objects.requireNonNull(brokers, "chat.kafka.brokers is not set");
        Objects.requireNonNull(securityProtocol, "chat.kafka.security-protocol is not set");
        Objects.requireNonNull(saslMechanism, "chat.kafka.sasl-mechanism is not set");
        Objects.requireNonNull(saslUsername, "chat.kafka.sasl-username is not set");
        Objects.requireNonNull(saslPassword, "chat.kafka.sasl-password is not set");
        Objects.requireNonNull(sslTruststoreLocation, "chat.kafka.ssl-truststore-location is not set");
        Objects.requireNonNull(sslTruststorePassword, "chat.kafka.ssl-truststore-password is not set");
        Objects.requireNonNull(sslTruststoreType, "chat.kafka.ssl-truststore-type is not set");
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException("chat.kafka.security-protocol must be one of PLAINTEXT, SASL_PLAINTEXT,"
                    + " SASL_SSL, SSL, not '" + securityProtocol + "'");
        }
        if (securityProtocol.startsWith("SASL_")) {
            if (!LOGIN_MODULES.containsKey(saslMechanism)) {
                throw new IllegalArgumentException("chat.kafka.sasl-mechanism must be PLAIN, SCRAM-SHA-256 or"
                        + " SCRAM-SHA-512 with " + securityProtocol + ", not '" + saslMechanism + "'");
            }
            if (saslUsername.isBlank()) {
                throw new IllegalArgumentException("chat.kafka.sasl-username is empty but chat.kafka.security-protocol"
                        + " is " + securityProtocol);
            }
            if (saslPassword.isEmpty()) {
                throw new IllegalArgumentException("chat.kafka.sasl-password (CHAT_KAFKA_SASL_PASSWORD) is empty but"
                        + " chat.kafka.security-protocol is " + securityProtocol);
            }
        }
    }

    /** Whether the protocol authenticates with SASL (SASL_PLAINTEXT, SASL_SSL). */
    public boolean sasl() {
        return securityProtocol.startsWith("SASL_");
    }

    /** Whether the protocol encrypts with TLS (SSL, SASL_SSL). */
    public boolean tls() {
        return securityProtocol.endsWith("SSL");
    }

    /**
     * The JAAS line of the SASL login ({@code sasl.jaas.config}): PlainLoginModule for PLAIN, ScramLoginModule for
     * SCRAM-*, username and password quoted (backslash, double quote and line breaks escaped). Holds the password:
     * never log it.
     *
     * @throws IllegalStateException when the protocol is not SASL
     */
    public String saslJaasConfig() {
        if (!sasl()) {
            throw new IllegalStateException("chat.kafka.security-protocol " + securityProtocol + " has no SASL login");
        }
        return LOGIN_MODULES.get(saslMechanism) + " required username=" + quoted(saslUsername)
                + " password=" + quoted(saslPassword) + ";";
    }

    /**
     * The properties every Kafka client of the services starts from: {@code bootstrap.servers},
     * {@code security.protocol}, with SASL {@code sasl.mechanism} and {@code sasl.jaas.config}, with TLS the
     * {@code ssl.truststore.*} keys that are set (none = the JVM's trust store). A client adds its own keys to a
     * copy. Passwords are {@link Password}s, so printing the map shows {@code [hidden]}.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", brokers);
        props.put("security.protocol", securityProtocol);
        if (sasl()) {
            props.put("sasl.mechanism", saslMechanism);
            props.put("sasl.jaas.config", new Password(saslJaasConfig()));
        }
        if (tls()) {
            if (!sslTruststoreLocation.isBlank()) {
                props.put("ssl.truststore.location", sslTruststoreLocation);
            }
            if (!sslTruststorePassword.isEmpty()) {
                props.put("ssl.truststore.password", new Password(sslTruststorePassword));
            }
            if (!sslTruststoreType.isBlank()) {
                props.put("ssl.truststore.type", sslTruststoreType);
            }
        }
        return Collections.unmodifiableMap(props);
    }

    /** A JAAS option value: in double quotes, with the escapes Kafka's JAAS parser (a StreamTokenizer) reads back. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Override
    public String toString() {
        return "KafkaSettings[brokers=" + brokers + ", securityProtocol=" + securityProtocol
                + ", saslMechanism=" + saslMechanism + ", saslUsername=" + saslUsername
                + ", saslPassword=" + (saslPassword.isEmpty() ? "" : "****")
                + ", sslTruststoreLocation=" + sslTruststoreLocation
                + ", sslTruststorePassword=" + (sslTruststorePassword.isEmpty() ? "" : "****")
                + ", sslTruststoreType=" + sslTruststoreType + "]";
    }
}
