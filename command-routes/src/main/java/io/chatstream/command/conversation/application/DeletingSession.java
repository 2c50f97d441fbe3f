package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.DeleteResult;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case: the owner deletes a session for good; the state change, its SessionChanged row and the
 * erasure of what the session held here (its prompts' and answers' texts, its outbox rows already
 * sent) commit together. Idempotent: deleting a deleted session answers "deleted" and publishes nothing.
 */
public class DeletingSession {

    private final SessionChanges changes;
    private final Prompts prompts;
    private final Outbox outbox;
    private final Clock clock;

    public DeletingSession(Sessions sessions, Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        this.changes = new SessionChanges(sessions, outbox, relay, transactions);
        this.prompts = prompts;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DeleteOutcome delete(DeleteSession command) {
        Optional<UserId> user = UserId.parse(command.userId());
        if (user.isEmpty()) {
            return new DeleteOutcome.Rejected(CommandError.INVALID_USER_ID);
        }
        Optional<SessionId> sessionId = SessionId.parse(command.sessionId());
        if (sessionId.isEmpty()) {
            return new DeleteOutcome.Rejected(CommandError.INVALID_SESSION_ID);
        }
        TraceId trace = TraceId.parseOrGenerate(command.traceId());
        DeleteOutcome deleted = new DeleteOutcome.Deleted(sessionId.get());
        return changes.change(sessionId.get(), session -> {
            DeleteResult result = session.delete(user.get(), trace, clock.instant());
            if (result instanceof DeleteResult.Deleted now) {
                // In the change's transaction: the texts are gone exactly when the session is.
                prompts.eraseTextsOf(session.id());
                outbox.forgetSentOf(session.id());
                return new SessionChanges.Decision<DeleteOutcome>(deleted, Optional.of(now.event()));
            }
            if (result instanceof DeleteResult.AlreadyDeleted) {
                return new SessionChanges.Decision<DeleteOutcome>(deleted, Optional.empty());
            }
            return new SessionChanges.Decision<DeleteOutcome>(
                    new DeleteOutcome.Rejected(CommandError.SESSION_NOT_FOUND), Optional.empty());
        }).orElse(new DeleteOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
    }
}
