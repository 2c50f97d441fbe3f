package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.SelectResult;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case: the owner shows another version of a turn. The session continues on the branch through that
 * version, at its newest prompt; the session and its SessionChanged row commit together.
 */
public class SelectingVersion {

    private final Prompts prompts;
    private final SessionChanges changes;
    private final SubmitSettings settings;
    private final Clock clock;

    public SelectingVersion(Sessions sessions, Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, SubmitSettings settings, Clock clock) {
        this.prompts = prompts;
        this.changes = new SessionChanges(sessions, outbox, relay, transactions);
        this.settings = settings;
        this.clock = clock;
    }

    public SelectOutcome select(SelectVersion command) {
        Optional<UserId> user = UserId.parse(command.userId());
        if (user.isEmpty()) {
            return new SelectOutcome.Rejected(CommandError.INVALID_USER_ID);
        }
        Optional<RequestId> requestId = RequestId.parse(command.requestId());
        if (requestId.isEmpty()) {
            return new SelectOutcome.Rejected(CommandError.INVALID_REQUEST_ID);
        }
        // A prompt never moves to another session, so its session can be looked up before the transaction.
        Optional<UserPrompt> version = prompts.find(requestId.get()).filter(p -> p.belongsTo(user.get()));
        if (version.isEmpty()) {
            return new SelectOutcome.Rejected(CommandError.REQUEST_NOT_FOUND);
        }
        TraceId trace = TraceId.parseOrGenerate(command.traceId());
        return changes.change(version.get().sessionId(), session -> decide(session, user.get(), version.get(), trace))
                .orElse(new SelectOutcome.Rejected(CommandError.REQUEST_NOT_FOUND));
    }

    private SessionChanges.Decision<SelectOutcome> decide(ConversationSession session, UserId user,
            UserPrompt version, TraceId trace) {
        UserPrompt newest = prompts.newestAfter(version.requestId()).orElse(version);
        SelectResult result = session.selectVersion(user, version, newest, trace, clock.instant(),
                settings.inFlightTimeout());
        if (result instanceof SelectResult.Selected selected) {
            return new SessionChanges.Decision<>(new SelectOutcome.Shown(session.id(), selected.event().head()),
                    Optional.of(selected.event()));
        }
        if (result instanceof SelectResult.AlreadyShown shown) {
            return new SessionChanges.Decision<>(new SelectOutcome.Shown(session.id(), shown.head()), Optional.empty());
        }
        CommandError error = switch (((SelectResult.Rejected) result).reason()) {
            case NOT_FOUND -> CommandError.REQUEST_NOT_FOUND;
            case BUSY -> CommandError.SESSION_BUSY;
        };
        return new SessionChanges.Decision<>(new SelectOutcome.Rejected(error), Optional.empty());
    }
}
