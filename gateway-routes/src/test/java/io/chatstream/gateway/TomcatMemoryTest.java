package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.platform.infrastructure.CompactHttp11NioProtocol;
import java.net.http.HttpResponse;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** The running gateway's connector has the small per-connection buffers of application.yml. */
class TomcatMemoryTest extends GatewayTestSupport {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    @DisplayName("the connector runs with the shipped buffer sizes and connection limit")
    void shippedLimits() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();

        assertThat(connector.getProtocolHandler()).isInstanceOf(CompactHttp11NioProtocol.class);
        CompactHttp11NioProtocol protocol = (CompactHttp11NioProtocol) connector.getProtocolHandler();
        assertThat(protocol.getSocketReadBufferSize()).isEqualTo(2048);
        assertThat(protocol.getSocketWriteBufferSize()).isEqualTo(2048);
        assertThat(protocol.getDesiredBufferSize()).isEqualTo(2048);
        assertThat(((AbstractHttp11Protocol<?>) protocol).getMaxHttpResponseHeaderSize()).isEqualTo(4096);
        assertThat(protocol.getMaxHttpRequestHeaderSize()).isEqualTo(12 * 1024);
        assertThat(protocol.getMaxConnections()).isEqualTo(12000);
    }

    @Test
    @DisplayName("a response many times the buffer sizes still arrives whole")
    void largeResponse() throws Exception {
        HttpResponse<String> r = http.send(request("/api/openapi.json", null).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().length()).isGreaterThan(8 * 1024);
        assertThat(r.body().strip()).startsWith("{").endsWith("}");
    }
}
