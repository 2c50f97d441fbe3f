package io.chatstream.gateway.history.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.RecordingCommands;
import io.chatstream.gateway.identity.application.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Renaming, pinning and unpinning a conversation from the gateway")
class ChangingSessionTest {

    private final RecordingCommands commands = new RecordingCommands();
    private final ChangingSession changing = new ChangingSession(new RenamingSession(commands), commands);
    private final Caller caller = new Caller(new UserId("alice"), TraceId.generate());

    private static String code(Outcome<?> outcome) {
        return ((Outcome.Rejected<?>) outcome).rejection().code();
    }

    @Test
    @DisplayName("a pin or an unpin alone reaches the command service and names only the flag")
    void pinOnly() {
        assertThat(changing.change(caller, "sess-existing-1", null, true))
                .isEqualTo(Outcome.done(new SessionChanged("sess-existing-1", null, true)));
        assertThat(changing.change(caller, "sess-existing-1", null, false))
                .isEqualTo(Outcome.done(new SessionChanged("sess-existing-1", null, false)));
        assertThat(commands.calls).containsExactly("pin sess-existing-1", "unpin sess-existing-1");
    }

    @Test
    @DisplayName("a title and a flag together: the rename first, then the pin, and both in the answer")
    void both() {
        assertThat(changing.change(caller, "sess-existing-1", " Rome ", true))
                .isEqualTo(Outcome.done(new SessionChanged("sess-existing-1", "Rome", true)));
        assertThat(changing.change(caller, "sess-existing-1", "Paris", null))
                .isEqualTo(Outcome.done(new SessionChanged("sess-existing-1", "Paris", null)));
        assertThat(commands.calls).containsExactly("rename sess-existing-1  Rome ", "pin sess-existing-1",
                "rename sess-existing-1 Paris");
    }

    @Test
    @DisplayName("neither a title nor a flag, a malformed id or a bad title is refused before any call")
    void refusesEarly() {
        assertThat(code(changing.change(caller, "sess-existing-1", null, null))).isEqualTo(GatewayCodes.INVALID_FIELD);
        assertThat(code(changing.change(caller, "../etc", null, true))).isEqualTo(GatewayCodes.INVALID_SESSION_ID);
        assertThat(code(changing.change(caller, "sess-existing-1", "  ", true))).isEqualTo(GatewayCodes.INVALID_TITLE);
        assertThat(commands.calls).isEmpty();
    }
}
