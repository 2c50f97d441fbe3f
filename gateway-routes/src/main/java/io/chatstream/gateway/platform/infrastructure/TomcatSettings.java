package io.chatstream.gateway.platform.infrastructure;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code chat.tomcat.*} in application.yml: Tomcat's buffers per connection ({@link TomcatMemoryConfiguration}).
 *
 * @param socketReadBuffer socket read buffer per connection
 * @param socketWriteBuffer socket write buffer per connection
 * @param responseBuffer servlet response buffer per request in flight
 */
@ConfigurationProperties("chat.tomcat")
public record TomcatSettings(DataSize socketReadBuffer, DataSize socketWriteBuffer, DataSize responseBuffer) {

    public TomcatSettings {
        Objects.requireNonNull(socketReadBuffer, "chat.tomcat.socket-read-buffer is not set");
        Objects.requireNonNull(socketWriteBuffer, "chat.tomcat.socket-write-buffer is not set");
        Objects.requireNonNull(responseBuffer, "chat.tomcat.response-buffer is not set");
    }
}
