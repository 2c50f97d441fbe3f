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
 * @param maxTrailerSize largest trailer section of a chunked request body; Tomcat allocates this much per
 *     connection up front (its default is 8 KiB, and every open SSE stream holds one)
 */
@ConfigurationProperties("chat.tomcat")
public record TomcatSettings(DataSize socketReadBuffer, DataSize socketWriteBuffer, DataSize responseBuffer,
        DataSize maxTrailerSize) {

    public TomcatSettings {
        Objects.requireNonNull(socketReadBuffer, "chat.tomcat.socket-read-buffer is not set");
        Objects.requireNonNull(socketWriteBuffer, "chat.tomcat.socket-write-buffer is not set");
        Objects.requireNonNull(responseBuffer, "chat.tomcat.response-buffer is not set");
        Objects.requireNonNull(maxTrailerSize, "chat.tomcat.max-trailer-size is not set");
        if (maxTrailerSize.toBytes() < 2) {
            // Even an empty trailer section is its final CRLF.
            throw new IllegalArgumentException("chat.tomcat.max-trailer-size must be at least 2 bytes");
        }
    }
}
