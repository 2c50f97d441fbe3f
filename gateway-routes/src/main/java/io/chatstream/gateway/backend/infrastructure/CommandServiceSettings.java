package io.chatstream.gateway.backend.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chat.command.*} in application.yml: where the command service is.
 *
 * @param grpcTarget its instances: host:port, a comma-separated list, or any gRPC target URI
 */
@ConfigurationProperties("chat.command")
public record CommandServiceSettings(String grpcTarget) {

    public CommandServiceSettings {
        Objects.requireNonNull(grpcTarget, "chat.command.grpc-target is not set");
    }
}
