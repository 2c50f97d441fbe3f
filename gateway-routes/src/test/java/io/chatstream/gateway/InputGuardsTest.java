package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Inputs that are legal for the transport but not for the API: JSON 4xx, nothing forwarded. */
class InputGuardsTest extends GatewayTestSupport {

    @Test
    @DisplayName("a lone surrogate in a text field is refused (protobuf would silently turn it into '?')")
    void loneSurrogate() throws Exception {
        FAKES.command.lastSubmit.set(null);
        HttpResponse<String> r = post("/api/chat/send", "{\"prompt\":\"lone \\ud800 surrogate\"}", devToken("alice"));

        assertThat(errorCode(r, 400)).isEqualTo("INVALID_FIELD");
        assertThat(FAKES.command.lastSubmit.get()).isNull();
        assertThat(post("/api/chat/send", "{\"prompt\":\"pair \\ud83d\\ude00 ok\"}", devToken("alice")).statusCode()).isEqualTo(202);
    }

    @Test
    @DisplayName("oversized request headers get a JSON 431, not the container's HTML page")
    void oversizedHeaders() throws Exception {
        // Over chat.http.max-header-bytes (8 KiB), under Tomcat's own limit (12 KB).
        HttpResponse<String> r = http.send(request("/api/chat/sessions", devToken("alice"))
                .header("X-Filler", "f".repeat(10 * 1024)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(errorCode(r, 431)).isEqualTo("HEADERS_TOO_LARGE");
    }
}
