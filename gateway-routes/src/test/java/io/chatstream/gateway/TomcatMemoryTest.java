package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.platform.infrastructure.CompactHttp11NioProtocol;
import io.chatstream.testing.RawHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        assertThat(protocol.getMaxTrailerSize()).isEqualTo(1024);
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

    @Test
    @DisplayName("a chunked request body with a small trailer section is read as usual")
    void chunkedBodyWithTrailer() throws Exception {
        HttpResponse<String> r = chunkedPost("/api/auth/dev-token", "{\"user_id\":\"trailer-user\"}", "X-Checksum: abc\r\n");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"token\"");
    }

    @Test
    @DisplayName("a trailer section over chat.tomcat.max-trailer-size gets a JSON 400 and no token")
    void trailerOverTheLimit() throws Exception {
        HttpResponse<String> r = chunkedPost("/api/auth/dev-token", "{\"user_id\":\"trailer-user\"}",
                "X-Padding: " + "p".repeat(2048) + "\r\n");

        // The body cannot be read to its end: the API's JSON 400, as for any unreadable body.
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"code\":\"INVALID_FIELD\"").doesNotContain("\"token\"");
    }

    /** The response to a POST whose JSON body (ASCII) is sent as one chunk followed by {@code trailer}. */
    private HttpResponse<String> chunkedPost(String path, String json, String trailer) throws Exception {
        String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n" + trailer + "\r\n";
        return RawHttp.exchange("127.0.0.1", port, request.getBytes(StandardCharsets.US_ASCII), false);
    }
}
