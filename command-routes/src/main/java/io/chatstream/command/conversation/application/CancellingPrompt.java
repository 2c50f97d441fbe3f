package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.CancelResult;
import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.util.Optional;

/** Use case: ask the worker to stop an answer still in flight (PromptCancelled via the outbox). */
public class CancellingPrompt {

    private final Prompts prompts;
    private final Outbox outbox;
    private final OutboxRelayTrigger relay;
    private final Transactions transactions;
    private final Clock clock;

    public CancellingPrompt(Prompts prompts, Outbox outbox, OutboxRelayTrigger relay,
            Transactions transactions, Clock clock) {
        this.prompts = prompts;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
        this.clock = clock;
    }

    public CancelOutcome cancel(CancelPrompt command) {
        Optional<UserId> user = UserId.parse(command.userId());
        if (user.isEmpty()) {
            return new CancelOutcome.Rejected(CommandError.INVALID_USER_ID);
        }
        Optional<RequestId> requestId = RequestId.parse(command.requestId());
        if (requestId.isEmpty()) {
            return new CancelOutcome.Rejected(CommandError.INVALID_REQUEST_ID);
        }
        TraceId trace = TraceId.parseOrGenerate(command.traceId());
        CancelOutcome outcome = transactions.inTransaction(() -> {
            Optional<UserPrompt> prompt = prompts.find(requestId.get()).filter(p -> p.belongsTo(user.get()));
            if (prompt.isEmpty()) {
                return new CancelOutcome.Rejected(CommandError.REQUEST_NOT_FOUND);
            }
            CancelResult result = prompt.get().cancel(trace, clock.instant());
            if (result instanceof CancelResult.Cancelling cancelling) {
                outbox.add(cancelling.event());
                return new CancelOutcome.Cancelling(requestId.get());
            }
            return new CancelOutcome.Finished(requestId.get());
        });
        if (outcome instanceof CancelOutcome.Cancelling) {
            relay.relayNow();
        }
        return outcome;
    }
}
