package io.chatstream.gateway.backend.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.query.*} in application.yml: where the query service is.
 *
 * @param grpcTarget its instances: host:port, a comma-separated list, or any gRPC target URI
 */
@ConfigurationProperties("chat.query")
public record QueryServiceSettings(String grpcTarget) {

    public QueryServiceSettings {
        Objects.requireNonNull(grpcTarget, "chat.query.grpc-target is not set");
    }
}
