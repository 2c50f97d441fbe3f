package io.chatstream.gateway.platform.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

class TomcatMemoryConfigurationTest {

    @Test
    @DisplayName("the customizer switches to the compact protocol and applies the configured sizes")
    void appliesConfiguredSizes() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);

        new TomcatMemoryConfiguration().compactTomcatBuffers(new TomcatSettings(DataSize.ofBytes(1500),
                DataSize.ofKilobytes(3), DataSize.ofBytes(1024), DataSize.ofBytes(512))).customize(factory);
        Connector connector = new Connector(CompactHttp11NioProtocol.class.getName());
        factory.getTomcatConnectorCustomizers().forEach(c -> c.customize(connector));

        CompactHttp11NioProtocol protocol = (CompactHttp11NioProtocol) connector.getProtocolHandler();
        assertThat(protocol.getSocketReadBufferSize()).isEqualTo(1500);
        assertThat(protocol.getSocketWriteBufferSize()).isEqualTo(3072);
        assertThat(protocol.getDesiredBufferSize()).isEqualTo(1024);
        assertThat(protocol.getMaxTrailerSize()).isEqualTo(512);
        // Connector asks the protocol for the response buffer size when it creates each response.
        assertThat(connector.createResponse().getBufferSize()).isEqualTo(1024);
    }

    @Test
    @DisplayName("a trailer limit below the final CRLF is refused at start-up")
    void refusesATinyTrailerLimit() {
        assertThatThrownBy(() -> new TomcatSettings(DataSize.ofKilobytes(2), DataSize.ofKilobytes(2),
                DataSize.ofKilobytes(2), DataSize.ofBytes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-trailer-size");
    }
}
