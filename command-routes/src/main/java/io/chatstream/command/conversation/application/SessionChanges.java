package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.SessionEvent;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.SessionId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shared by the rename, pin, delete and select-version use cases: decide on a freshly read session and, in the same
 * transaction, store it with the outbox row of its event; retried on an optimistic-lock conflict.
 */
final class SessionChanges {

    private final Sessions sessions;
    private final Outbox outbox;
    private final OutboxRelayTrigger relay;
    private final Transactions transactions;

    SessionChanges(Sessions sessions, Outbox outbox, OutboxRelayTrigger relay, Transactions transactions) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** What a decision on a session leads to: the outcome, and the event to publish if any. */
    record Decision<T>(T outcome, Optional<SessionEvent> event) {
    }

    /** Empty when the session does not exist; else the decision's outcome. */
    <T> Optional<T> change(SessionId id, Function<ConversationSession, Decision<T>> decide) {
        Optional<Decision<T>> decision = transactions.retryingConflicts(() -> {
            Optional<ConversationSession> session = sessions.find(id);
            if (session.isEmpty()) {
                return Optional.<Decision<T>>empty();
            }
            Decision<T> made = decide.apply(session.get());
            if (made.event().isPresent()) {
                sessions.save(session.get());
                outbox.add(made.event().get());
            }
            return Optional.of(made);
        });
        decision.filter(d -> d.event().isPresent()).ifPresent(d -> relay.relayNow());
        return decision.map(Decision::outcome);
    }
}
