package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.command.conversation.domain.TitleSuggestionResult;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case: apply a title the model suggested, unless the owner already chose one; the title and its
 * SessionChanged{renamed, generated} row commit together. Idempotent: a redelivered suggestion changes
 * nothing; one for an unknown or deleted session is ignored.
 */
public class ApplyingSuggestedTitle {

    public enum Result { APPLIED, IGNORED, UNKNOWN_SESSION }

    private final SessionChanges changes;
    private final Clock clock;

    public ApplyingSuggestedTitle(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        this.changes = new SessionChanges(sessions, outbox, relay, transactions);
        this.clock = clock;
    }

    public Result apply(SuggestedTitle suggestion) {
        Optional<SessionId> sessionId = SessionId.parse(suggestion.sessionId());
        Optional<UserId> user = UserId.parse(suggestion.userId());
        if (sessionId.isEmpty() || user.isEmpty()) {
            return Result.UNKNOWN_SESSION;
        }
        TraceId trace = TraceId.parseOrGenerate(suggestion.traceId());
        return changes.change(sessionId.get(), session -> {
            TitleSuggestionResult result = session.suggestTitle(user.get(), suggestion.title(), trace, clock.instant());
            if (result instanceof TitleSuggestionResult.Applied applied) {
                return new SessionChanges.Decision<Result>(Result.APPLIED, Optional.of(applied.event()));
            }
            return new SessionChanges.Decision<Result>(Result.IGNORED, Optional.empty());
        }).orElse(Result.UNKNOWN_SESSION);
    }
}
