package io.chatstream.gateway.chat.application;

import static io.chatstream.gateway.api.application.OutcomeAssertions.code;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.backend.application.RecordingCommands;
import io.chatstream.gateway.identity.application.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SendingPromptTest {

    private final RecordingCommands commands = new RecordingCommands();
    private final SendingPrompt sending = new SendingPrompt(commands);
    private final Caller alice = new Caller(new UserId("alice"), TraceId.generate());

    @Test
    @DisplayName("a prompt without session or request id starts a new session with a service-assigned id")
    void newSession() {
        Outcome<PromptAccepted> outcome = sending.send(alice, null, "Hello", "", false);

        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(commands.calls).containsExactly("submit - -");
    }

    @Test
    @DisplayName("well-formed ids are passed on")
    void passesIds() {
        sending.send(alice, "sess-existing-1", "Hello", "req-client-0001", false);

        assertThat(commands.calls).containsExactly("submit sess-existing-1 req-client-0001");
    }

    @Test
    @DisplayName("asking for thinking is passed on with the prompt; not asking sends none")
    void passesThinking() {
        sending.send(alice, "sess-existing-1", "Why?", "req-client-0001", true);
        sending.send(alice, "sess-existing-1", "Why?", "req-client-0002", false);

        assertThat(commands.calls).containsExactly("submit sess-existing-1 req-client-0001 thinking",
                "submit sess-existing-1 req-client-0002");
    }

    @Test
    @DisplayName("a missing or blank prompt and malformed ids are rejected without calling the service")
    void rejectsBadInput() {
        assertThat(code(sending.send(alice, null, null, null, true))).isEqualTo(GatewayCodes.PROMPT_EMPTY);
        assertThat(code(sending.send(alice, null, "  \n", null, false))).isEqualTo(GatewayCodes.PROMPT_EMPTY);
        assertThat(code(sending.send(alice, "../../etc", "Hi", null, false))).isEqualTo(GatewayCodes.INVALID_SESSION_ID);
        assertThat(code(sending.send(alice, null, "Hi", "short", true))).isEqualTo(GatewayCodes.INVALID_REQUEST_ID);
        assertThat(commands.calls).isEmpty();
    }
}
