package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.SessionEvent;
import io.chatstream.domain.RequestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Small in-memory stand-ins for the application's ports. */
final class Fakes {

    private Fakes() {
    }

    static final class RecordingOutbox implements Outbox {
        final List<SessionEvent> events = new ArrayList<>();

        final List<io.chatstream.domain.SessionId> forgotten = new ArrayList<>();

        @Override
        public void add(SessionEvent event) {
            events.add(event);
        }

        @Override
        public void forgetSentOf(io.chatstream.domain.SessionId sessionId) {
            forgotten.add(sessionId);
        }
    }

    static final class CountingTrigger implements OutboxRelayTrigger {
        int wakeUps;

        @Override
        public void relayNow() {
            wakeUps++;
        }
    }

    static final class MapCache implements IdempotencyCache {
        final Map<RequestId, AcceptedSubmission> entries = new HashMap<>();

        @Override
        public Optional<AcceptedSubmission> find(RequestId requestId) {
            return Optional.ofNullable(entries.get(requestId));
        }

        @Override
        public void remember(AcceptedSubmission submission) {
            entries.put(submission.requestId(), submission);
        }
    }

    /** No rollback: the use cases only write after every decision, so a fake commit is enough here. */
    static final class DirectTransactions implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }

    /** Tokens per user and day in a map. */
    static final class MemoryDailyTokens implements io.chatstream.command.conversation.domain.DailyTokens {

        final java.util.Map<String, Long> tokens = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public long spentOn(io.chatstream.domain.UserId user, java.time.LocalDate day) {
            return tokens.getOrDefault(user.value() + "@" + day, 0L);
        }

        @Override
        public void add(io.chatstream.domain.UserId user, java.time.LocalDate day, long added) {
            tokens.merge(user.value() + "@" + day, added, Long::sum);
        }
    }
}
