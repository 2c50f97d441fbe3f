package io.chatstream.worker.answering.domain;

import java.util.List;

/** What the task decided after a provider callback or a stop: end the answer, try again, or refuse the move. */
public sealed interface TaskDecision permits TaskDecision.Ended, TaskDecision.RetryNext, TaskDecision.Rejected {

    /**
     * The answer is over: write the closing entries (a withdrawal's reset, then the terminal entry),
     * then publish the event.
     */
    record Ended(List<StreamEntry> closingEntries, AnswerEvent event) implements TaskDecision {

        public Ended {
            closingEntries = List.copyOf(closingEntries);
            if (closingEntries.isEmpty()) {
                throw new IllegalArgumentException("an ended answer needs its terminal entry");
            }
        }

        public Ended(StreamEntry terminalEntry, AnswerEvent event) {
            this(List.of(terminalEntry), event);
        }

        public StreamEntry terminalEntry() {
            return closingEntries.get(closingEntries.size() - 1);
        }

        /** The text streamed before the end must disappear from every reader (a moderation hit). */
        public boolean withdrawsText() {
            return closingEntries.size() > 1;
        }
    }

    /** The failed attempt may be retried; {@code failedAttempt} is the one that just failed. */
    record RetryNext(int failedAttempt, ProviderError error) implements TaskDecision {
    }

    /** The move is not allowed in the current state (e.g. completing a stopped task). */
    record Rejected(TaskState state, String reason) implements TaskDecision {
    }
}
