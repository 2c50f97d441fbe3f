package io.chatstream.gateway.history.application;

import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;

/**
 * Use case: the person renames a conversation, pins or unpins it (it stays on top of their list), or both: then
 * the rename goes first, and a refused rename pins nothing.
 */
public class ChangingSession {

    private final RenamingSession renaming;
    private final ChatCommands commands;

    public ChangingSession(RenamingSession renaming, ChatCommands commands) {
        this.renaming = renaming;
        this.commands = commands;
    }

    /** {@code title} and {@code pinned} are null when not asked for; at least one must be given. */
    public Outcome<SessionChanged> change(Caller caller, String sessionId, String title, Boolean pinned) {
        if (title == null && pinned == null) {
            return Outcome.rejected(GatewayCodes.INVALID_FIELD, "give a title, pinned (true or false), or both");
        }
        if (title == null) {
            return pin(caller, sessionId, null, pinned);
        }
        return renaming.rename(caller, sessionId, title).then(renamed -> pinned == null
                ? Outcome.done(new SessionChanged(renamed.sessionId(), renamed.title(), null))
                : pin(caller, sessionId, renamed.title(), pinned));
    }

    private Outcome<SessionChanged> pin(Caller caller, String sessionId, String title, boolean pinned) {
        Optional<SessionId> session = SessionId.parse(sessionId);
        if (session.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_SESSION_ID, "session id is malformed");
        }
        return commands.pin(caller, session.get(), pinned)
                .then(p -> Outcome.done(new SessionChanged(p.sessionId(), title, p.pinned())));
    }
}
