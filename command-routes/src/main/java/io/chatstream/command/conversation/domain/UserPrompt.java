package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One accepted prompt of a session and, once known, how its answer ended. {@code parent} is the
 * prompt it follows (none for a first turn): the prompts of a session form a tree whose branches
 * are the conversations a person had, and the versions of a turn are prompts with one parent.
 */
public final class UserPrompt {

    private final RequestId requestId;
    private final SessionId sessionId;
    private final UserId userId;
    private final int turn;
    private final RequestId parent;
    private final PromptText text;
    private final TraceId traceId;
    private final Instant acceptedAt;
    private AnswerState state;
    private String answerText;
    private Instant answeredAt;

    /** A prompt that follows the one of the turn before (the only shape before versions existed). */
    public UserPrompt(RequestId requestId, SessionId sessionId, UserId userId, int turn, PromptText text,
            TraceId traceId, Instant acceptedAt, AnswerState state, String answerText, Instant answeredAt) {
        this(requestId, sessionId, userId, turn, null, text, traceId, acceptedAt, state, answerText, answeredAt);
    }

    public UserPrompt(RequestId requestId, SessionId sessionId, UserId userId, int turn, RequestId parent,
            PromptText text, TraceId traceId, Instant acceptedAt, AnswerState state, String answerText,
            Instant answeredAt) {
        this.requestId = Objects.requireNonNull(requestId);
        this.sessionId = Objects.requireNonNull(sessionId);
        this.userId = Objects.requireNonNull(userId);
        if (turn < 1) {
            throw new IllegalArgumentException("turns are numbered from 1");
        }
        if (turn == 1 && parent != null) {
            throw new IllegalArgumentException("a first turn follows no prompt");
        }
        this.turn = turn;
        this.parent = parent;
        this.text = Objects.requireNonNull(text);
        this.traceId = Objects.requireNonNull(traceId);
        this.acceptedAt = Objects.requireNonNull(acceptedAt);
        this.state = Objects.requireNonNull(state);
        this.answerText = answerText;
        this.answeredAt = answeredAt;
    }

    static UserPrompt accepted(RequestId requestId, SessionId sessionId, UserId userId, int turn, RequestId parent,
            PromptText text, TraceId traceId, Instant acceptedAt) {
        return new UserPrompt(requestId, sessionId, userId, turn, parent, text, traceId, acceptedAt,
                AnswerState.ANSWERING, null, null);
    }

    /**
     * Records how the answer ended. Only the first outcome counts, so a redelivered or late
     * event changes nothing; the one exception is a failed answer that an operator replayed from
     * the dead-letter topic: its completion replaces the failure (and becomes context for later turns).
     *
     * @return whether this call changed the prompt
     */
    public boolean recordAnswer(AnswerState outcome, String text, Instant at) {
        if (!outcome.finished()) {
            throw new IllegalArgumentException("an outcome must be final: " + outcome);
        }
        boolean replayed = state == AnswerState.FAILED && outcome == AnswerState.COMPLETED;
        if (state.finished() && !replayed) {
            return false;
        }
        state = outcome;
        answerText = text == null ? "" : text;
        answeredAt = at;
        return true;
    }

    /** Asks to stop the answer; only an answer still in flight can be stopped. */
    public CancelResult cancel(TraceId trace, Instant now) {
        if (state.finished()) {
            return new CancelResult.AlreadyFinished(state);
        }
        return new CancelResult.Cancelling(new PromptCancelled(requestId, sessionId, userId, trace, now));
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    public RequestId requestId() {
        return requestId;
    }

    public SessionId sessionId() {
        return sessionId;
    }

    public UserId userId() {
        return userId;
    }

    public int turn() {
        return turn;
    }

    /** The prompt this one follows; empty for a first turn. */
    public Optional<RequestId> parent() {
        return Optional.ofNullable(parent);
    }

    public PromptText text() {
        return text;
    }

    public TraceId traceId() {
        return traceId;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public AnswerState state() {
        return state;
    }

    public Optional<String> answerText() {
        return Optional.ofNullable(answerText);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }
}
