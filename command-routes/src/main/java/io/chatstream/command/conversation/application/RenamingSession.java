package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.RenameResult;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.util.Optional;

/** Use case: the owner renames a session; the new title and its SessionChanged row commit together. */
public class RenamingSession {

    private final SessionChanges changes;
    private final Clock clock;

    public RenamingSession(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay, Transactions transactions,
            Clock clock) {
        this.changes = new SessionChanges(sessions, outbox, relay, transactions);
        this.clock = clock;
    }

    public RenameOutcome rename(RenameSession command) {
        Optional<UserId> user = UserId.parse(command.userId());
        if (user.isEmpty()) {
            return new RenameOutcome.Rejected(CommandError.INVALID_USER_ID);
        }
        Optional<SessionId> sessionId = SessionId.parse(command.sessionId());
        if (sessionId.isEmpty()) {
            return new RenameOutcome.Rejected(CommandError.INVALID_SESSION_ID);
        }
        TraceId trace = TraceId.parseOrGenerate(command.traceId());
        return changes.change(sessionId.get(), session -> {
            RenameResult result = session.rename(user.get(), command.title(), trace,
                    clock.instant());
            if (result instanceof RenameResult.Renamed renamed) {
                return new SessionChanges.Decision<RenameOutcome>(
                        new RenameOutcome.Renamed(sessionId.get(), renamed.event().title()),
                        Optional.of(renamed.event()));
            }
            CommandError error = switch (((RenameResult.Rejected) result).reason()) {
                case NOT_FOUND -> CommandError.SESSION_NOT_FOUND;
                case INVALID_TITLE -> CommandError.INVALID_TITLE;
            };
            return new SessionChanges.Decision<RenameOutcome>(new RenameOutcome.Rejected(error), Optional.empty());
        }).orElse(new RenameOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
    }
}
