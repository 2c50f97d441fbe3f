package io.chatstream.gateway.platform.infrastructure;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Heap per connection. An open SSE answer is an async request that holds its Tomcat processor for
 * minutes: the socket's read and write buffers, the request header buffer (max header size + read
 * buffer, allocated in full), the chunked body's trailer buffer, the response header buffer and the
 * servlet response buffer. Tomcat's
 * 8 KiB defaults are sized for throughput of large bodies; the gateway's bodies are small JSON and SSE
 * events, so {@code chat.tomcat.*} makes them small and 10,000 open streams fit one gateway
 * (docs/benchmarks.md). Throughput of the few large responses (the page's assets) pays a few more
 * socket writes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TomcatSettings.class)
public class TomcatMemoryConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> compactTomcatBuffers(TomcatSettings buffers) {
        return factory -> {
            factory.setProtocol(CompactHttp11NioProtocol.class.getName());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof CompactHttp11NioProtocol protocol) {
                    protocol.setSocketReadBufferSize(bytes(buffers.socketReadBuffer()));
                    protocol.setSocketWriteBufferSize(bytes(buffers.socketWriteBuffer()));
                    protocol.setResponseBufferSize(bytes(buffers.responseBuffer()));
                    protocol.setMaxTrailerSize(bytes(buffers.maxTrailerSize()));
                }
            });
        };
    }

    private static int bytes(DataSize size) {
        return Math.toIntExact(size.toBytes());
    }
}
