package io.chatstream.worker.answering.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answering one prompt: numbers the stream entries (1, 2, 3... with no gap across attempts),
 * keeps the text of the current attempt and decides how the answer ends.
 */
public final class InferenceTask {

    private final RequestId requestId;
    private final SessionId sessionId;
    private final UserId userId;
    private final int turn;
    private TaskState state = TaskState.QUEUED;
    private int attempt;
    private long nextSeq = 1;
    private boolean chunksSentInAttempt;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private Usage usage = Usage.NONE;
    private String finishReason = "";
    private Instant firstFailureAt;
    private Instant lastFailureAt;

    private InferenceTask(RequestId requestId, SessionId sessionId, UserId userId, int turn) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.turn = turn;
    }

    public static InferenceTask queued(RequestId requestId, SessionId sessionId, UserId userId, int turn) {
        return new InferenceTask(requestId, sessionId, userId, turn);
    }

    /**
     * Continues a task another worker left unfinished: its stream already holds entries up to
     * {@code lastSeq}, so the next attempt starts with a reset and numbering goes on from there.
     */
    public void resumeAfter(long lastSeq, int lastAttempt) {
        if (state == TaskState.QUEUED && lastSeq > 0) {
            nextSeq = lastSeq + 1;
            attempt = Math.max(attempt, lastAttempt);
            chunksSentInAttempt = true;
        }
    }

    /** Starts the next attempt; the reset entry, when present, must be written before any token. */
    public Optional<StreamEntry.Reset> beginAttempt() {
        if (!state.canMoveTo(TaskState.STREAMING)) {
            return Optional.empty();
        }
        state = TaskState.STREAMING;
        attempt++;
        text.setLength(0);
        reasoning.setLength(0);
        Optional<StreamEntry.Reset> reset = chunksSentInAttempt
                ? Optional.of(new StreamEntry.Reset(nextSeq++, attempt))
                : Optional.empty();
        chunksSentInAttempt = false;
        return reset;
    }

    /** A piece of text from the provider; empty pieces and pieces outside streaming are dropped. */
    public Optional<TokenChunk> append(String piece) {
        if (state != TaskState.STREAMING || piece == null || piece.isEmpty()) {
            return Optional.empty();
        }
        text.append(piece);
        chunksSentInAttempt = true;
        return Optional.of(new TokenChunk(nextSeq++, attempt, piece));
    }

    /** A piece of the model's reasoning; empty pieces and pieces outside streaming are dropped. */
    public Optional<StreamEntry.Thinking> think(String piece) {
        if (state != TaskState.STREAMING || piece == null || piece.isEmpty()) {
            return Optional.empty();
        }
        reasoning.append(piece);
        chunksSentInAttempt = true;
        return Optional.of(new StreamEntry.Thinking(nextSeq++, attempt, piece));
    }

    /** The provider finished. The streamed text wins over the response text so readers and event agree. */
    public TaskDecision complete(ProviderResponse response, Instant at) {
        if (!state.canMoveTo(TaskState.COMPLETED) || state == TaskState.QUEUED) {
            return new TaskDecision.Rejected(state, "only a streaming task can complete");
        }
        if (text.isEmpty() && !response.text().isEmpty()) {
            append(response.text());
        }
        state = TaskState.COMPLETED;
        usage = response.usage();
        finishReason = response.finishReason();
        return new TaskDecision.Ended(
                new StreamEntry.Done(nextSeq++, attempt, state, finishReason, usage),
                new AnswerEvent.AnswerCompleted(requestId, sessionId, userId, turn, text.toString(), finishReason,
                        usage, attempt, at, reasoning.toString()));
    }

    /** The current attempt failed: retry when the error allows and attempts are left, else fail for good. */
    public TaskDecision failAttempt(ProviderError error, Instant at, int maxAttempts) {
        if (state != TaskState.STREAMING) {
            return new TaskDecision.Rejected(state, "only a streaming task can fail");
        }
        firstFailureAt = firstFailureAt == null ? at : firstFailureAt;
        lastFailureAt = at;
        if (error.isRetryable() && attempt < maxAttempts) {
            return new TaskDecision.RetryNext(attempt, error);
        }
        state = TaskState.FAILED;
        List<StreamEntry> closing = new ArrayList<>(2);
        if (error.withdrawsText()) {
            // Moderation refused it: readers drop what they were shown, and the event keeps none of it.
            if (chunksSentInAttempt) {
                closing.add(new StreamEntry.Reset(nextSeq++, attempt));
            }
            text.setLength(0);
            reasoning.setLength(0);
        }
        closing.add(new StreamEntry.Error(nextSeq++, attempt, error.code(), error.message()));
        return new TaskDecision.Ended(closing,
                new AnswerEvent.AnswerFailed(requestId, sessionId, userId, turn, text.toString(), error.code(),
                        error.message(), error.failureClass(), attempt, firstFailureAt, lastFailureAt, at));
    }

    /** The user asked to stop: keep the partial text, end as stopped. */
    public TaskDecision stop(Instant at) {
        if (!state.canMoveTo(TaskState.STOPPED)) {
            return new TaskDecision.Rejected(state, "a finished task cannot be stopped");
        }
        state = TaskState.STOPPED;
        return new TaskDecision.Ended(
                new StreamEntry.Done(nextSeq++, attempt, state, "", usage),
                new AnswerEvent.AnswerStopped(requestId, sessionId, userId, turn, text.toString(), usage,
                        Math.max(attempt, 1), at, reasoning.toString()));
    }

    public RequestId requestId() {
        return requestId;
    }

    public TaskState state() {
        return state;
    }

    public int attempt() {
        return attempt;
    }

    public long nextSeq() {
        return nextSeq;
    }

    public String text() {
        return text.toString();
    }

    public Usage usage() {
        return usage;
    }

    public String finishReason() {
        return finishReason;
    }
}
