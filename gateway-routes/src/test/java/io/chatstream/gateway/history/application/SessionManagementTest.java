package io.chatstream.gateway.history.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.RecordingCommands;
import io.chatstream.gateway.backend.application.SessionRenamed;
import io.chatstream.gateway.identity.application.Caller;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Renaming and deleting a conversation from the gateway")
class SessionManagementTest {

    private final RecordingCommands commands = new RecordingCommands();
    private final Caller caller = new Caller(new UserId("alice"), TraceId.generate());

    @Test
    @DisplayName("a well-formed rename and delete reach the command service")
    void passesOn() {
        assertThat(new RenamingSession(commands).rename(caller, "sess-existing-1", " Rome "))
                .isEqualTo(Outcome.done(new SessionRenamed("sess-existing-1", "Rome")));
        assertThat(new DeletingSession(commands).delete(caller, "sess-existing-1"))
                .isEqualTo(Outcome.done(new SessionId("sess-existing-1")));
        assertThat(commands.calls).containsExactly("rename sess-existing-1  Rome ", "delete sess-existing-1");
    }

    @Test
    @DisplayName("a malformed session id or a missing or blank title is refused before any call")
    void refusesEarly() {
        RenamingSession renaming = new RenamingSession(commands);
        assertThat(renaming.rename(caller, "../etc", "t")).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(GatewayCodes.INVALID_SESSION_ID));
        assertThat(renaming.rename(caller, "sess-existing-1", null)).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(GatewayCodes.INVALID_TITLE));
        assertThat(renaming.rename(caller, "sess-existing-1", "  ")).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(GatewayCodes.INVALID_TITLE));
        assertThat(new DeletingSession(commands).delete(caller, "")).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(GatewayCodes.INVALID_SESSION_ID));
        assertThat(commands.calls).isEmpty();
    }
}
