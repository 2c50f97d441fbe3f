package io.chatstream.gateway.history.application;

import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;

/** Use case: the person deletes a conversation; it disappears from the list and history. */
public class DeletingSession {

    private final ChatCommands commands;

    public DeletingSession(ChatCommands commands) {
        this.commands = commands;
    }

    public Outcome<SessionId> delete(Caller caller, String sessionId) {
        Optional<SessionId> session = SessionId.parse(sessionId);
        if (session.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_SESSION_ID, "session id is malformed");
        }
        return commands.delete(caller, session.get());
    }
}
