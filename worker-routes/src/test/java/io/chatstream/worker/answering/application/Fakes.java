package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import io.chatstream.worker.answering.domain.AnswerEvent;
import io.chatstream.worker.answering.domain.StreamEntry;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/** In-memory ports for use-case tests. */
final class Fakes {

    private Fakes() {
    }

    /** Each call runs the next script on a separate thread, like the SDK's callbacks. */
    static final class ScriptedProvider implements ModelProvider {

        final List<BiConsumer<List<Turn>, Listener>> scripts = new ArrayList<>();
        final ConcurrentLinkedQueue<List<Turn>> calls = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> models = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Boolean> thinking = new ConcurrentLinkedQueue<>();
        volatile int cancels;
        /** Runs on the caller's thread as each call is made, before the call returns. */
        Runnable atCall = () -> { };

        ScriptedProvider then(BiConsumer<List<Turn>, Listener> script) {
            scripts.add(script);
            return this;
        }

        @Override
        public Stream stream(String model, boolean think, List<Turn> conversation, Listener listener) {
            thinking.add(think);
            return stream(model, conversation, listener);
        }

        @Override
        public Stream stream(String model, List<Turn> conversation, Listener listener) {
            models.add(String.valueOf(model));
            return stream(conversation, listener);
        }

        @Override
        public Stream stream(List<Turn> conversation, Listener listener) {
            atCall.run();
            int call = calls.size();
            calls.add(conversation);
            BiConsumer<List<Turn>, Listener> script = scripts.get(Math.min(call, scripts.size() - 1));
            Thread thread = new Thread(() -> script.accept(conversation, listener));
            thread.setDaemon(true);
            thread.start();
            return () -> cancels++;
        }
    }

    static final class MemoryStreams implements AnswerStreams {

        final Map<RequestId, List<StreamEntry>> entries = new HashMap<>();
        final List<RequestId> expired = new ArrayList<>();

        @Override
        public synchronized long lastSeq(RequestId requestId) {
            List<StreamEntry> list = entries.getOrDefault(requestId, List.of());
            return list.isEmpty() ? 0 : list.get(list.size() - 1).seq();
        }

        @Override
        public synchronized void append(RequestId requestId, StreamEntry entry, Instant at) {
            entries.computeIfAbsent(requestId, k -> new ArrayList<>()).add(entry);
        }

        @Override
        public synchronized void withdrawText(RequestId requestId, int keptEntries) {
            List<StreamEntry> list = entries.getOrDefault(requestId, new ArrayList<>());
            list.subList(0, Math.max(0, list.size() - keptEntries)).clear();
        }

        @Override
        public synchronized void expireAfterEnd(RequestId requestId) {
            expired.add(requestId);
        }
    }

    static final class MemoryTasks implements InferenceTasks {

        final Map<RequestId, Snapshot> snapshots = new HashMap<>();

        @Override
        public Optional<Snapshot> find(RequestId requestId) {
            return Optional.ofNullable(snapshots.get(requestId));
        }

        @Override
        public void save(RequestId requestId, Snapshot snapshot) {
            snapshots.put(requestId, snapshot);
        }
    }

    static final class MemoryOutcomes implements AnswerOutcomes, DeadLetterTopic {

        final List<AnswerOutcome> published = new ArrayList<>();
        final List<AnswerEvent.AnswerFailed> parked = new ArrayList<>();
        /** Publishes of an outcome that fail before one goes through (a broker that is away). */
        int failingPublishes;

        @Override
        public void publish(AnswerOutcome outcome) {
            if (failingPublishes > 0) {
                failingPublishes--;
                throw new IllegalStateException("broker away");
            }
            published.add(outcome);
        }

        @Override
        public void publish(PromptToAnswer prompt, AnswerEvent.AnswerFailed failure) {
            parked.add(failure);
        }
    }
}
