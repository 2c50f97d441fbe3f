package io.chatstream.gateway.application;

import io.chatstream.domain.SessionId;
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
