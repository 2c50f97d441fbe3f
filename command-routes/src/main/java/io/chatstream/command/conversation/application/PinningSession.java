package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.PinResult;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.util.Optional;

/** Use case: the owner pins or unpins a session; the flag and its SessionChanged row commit together. */
public class PinningSession {

    private final SessionChanges changes;
    private final Clock clock;

    public PinningSession(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay, Transactions transactions,
            Clock clock) {
        this.changes = new SessionChanges(sessions, outbox, relay, transactions);
        this.clock = clock;
    }

    public PinOutcome pin(PinSession command) {
        Optional<UserId> user = UserId.parse(command.userId());
        if (user.isEmpty()) {
            return new PinOutcome.Rejected(CommandError.INVALID_USER_ID);
        }
        Optional<SessionId> sessionId = SessionId.parse(command.sessionId());
        if (sessionId.isEmpty()) {
            return new PinOutcome.Rejected(CommandError.INVALID_SESSION_ID);
        }
        TraceId trace = TraceId.parseOrGenerate(command.traceId());
        return changes.change(sessionId.get(), session -> {
            PinResult result = session.pin(user.get(), command.pinned(), trace, clock.instant());
            if (result instanceof PinResult.Pinned pinned) {
                return new SessionChanges.Decision<PinOutcome>(
                        new PinOutcome.Pinned(sessionId.get(), pinned.event().pinned()), Optional.of(pinned.event()));
            }
            if (result instanceof PinResult.Unchanged unchanged) {
                return new SessionChanges.Decision<PinOutcome>(
                        new PinOutcome.Pinned(sessionId.get(), unchanged.pinned()), Optional.empty());
            }
            return new SessionChanges.Decision<PinOutcome>(
                    new PinOutcome.Rejected(CommandError.SESSION_NOT_FOUND), Optional.empty());
        }).orElse(new PinOutcome.Rejected(CommandError.SESSION_NOT_FOUND));
    }
}
