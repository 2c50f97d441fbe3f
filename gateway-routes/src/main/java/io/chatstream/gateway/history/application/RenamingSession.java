package io.chatstream.gateway.history.application;

import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.SessionRenamed;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;

/** Use case: the person gives a conversation a title of their own. */
public class RenamingSession {

    /** A generous bound checked before the call; the command service owns the real rule (1..120 characters). */
    private static final int MAX_TITLE_CHARS = 1000;

    private final ChatCommands commands;

    public RenamingSession(ChatCommands commands) {
        this.commands = commands;
    }

    public Outcome<SessionRenamed> rename(Caller caller, String sessionId, String title) {
        Optional<SessionId> session = SessionId.parse(sessionId);
        if (session.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_SESSION_ID, "session id is malformed");
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE_CHARS) {
            return Outcome.rejected(GatewayCodes.INVALID_TITLE, "title must be 1 to 120 characters");
        }
        return commands.rename(caller, session.get(), title);
    }
}
