package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.chat.application.SendingPrompt;
import io.chatstream.gateway.identity.application.Caller;
import java.net.http.HttpResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/** A bug inside a route becomes a logged 500 INTERNAL in the JSON shape, without a stack trace. */
@Import(UnexpectedFailureTest.BrokenSending.class)
class UnexpectedFailureTest extends GatewayTestSupport {

    @Autowired
    CamelContext camel;

    @Test
    @DisplayName("an exception inside the send route is answered 500 INTERNAL without internals")
    void bugBecomes500() throws Exception {
        HttpResponse<String> r = post("/api/chat/send", "{\"prompt\":\"hi\"}", devToken("alice"));

        assertThat(errorCode(r, 500)).isEqualTo("INTERNAL");
        assertThat(r.body()).doesNotContain("IllegalStateException", "secret detail", "at io.");
    }

    @Test
    @DisplayName("the REST DSL routes carry the documented route ids")
    void routeIds() {
        assertThat(camel.getRoutes().stream().map(Route::getRouteId))
                .contains("gateway-send-prompt", "gateway-stop-prompt", "gateway-list-sessions",
                        "gateway-session-messages", "gateway-dev-token", "gateway-rename-session",
                        "gateway-delete-session", "gateway-search-messages");
    }

    @TestConfiguration
    static class BrokenSending {
        @Bean
        @Primary
        SendingPrompt brokenSendingPrompt(ChatCommands commands) {
            return new SendingPrompt(commands) {
                @Override
                public Outcome<PromptAccepted> send(Caller caller, String sessionId, String prompt, String requestId,
                        String model, Boolean thinking, String versionOf) {
                    throw new IllegalStateException("secret detail");
                }
            };
        }
    }
}
