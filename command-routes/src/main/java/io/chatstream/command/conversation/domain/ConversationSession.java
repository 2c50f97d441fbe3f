package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A conversation of one person. Keeps the invariants: only the owner adds prompts, an archived
 * session takes none, turns are numbered 1, 2, 3... along each branch and at most one answer is in
 * flight. Only the owner renames, pins or deletes it; a deleted session is gone for good (it answers like
 * a missing one). Its prompts form a tree: a regenerate or an edit of a turn adds a version beside
 * it; the session shows one branch, which ends at its {@code head}, and a new prompt follows the head.
 */
public final class ConversationSession {

    private final SessionId id;
    private final UserId owner;
    private SessionState state;
    private int nextTurn;
    private RequestId inFlight;
    private Instant inFlightSince;
    private SessionTitle title;
    private RequestId head;
    // The title came from the model (a suggestion), not from the owner: a later suggestion may not
    // replace an owner's title, while the owner's rename always replaces this one.
    private boolean titleGenerated;
    // The owner keeps it on top of their list.
    private boolean pinned;
    private final long version;

    public ConversationSession(SessionId id, UserId owner, SessionState state, int nextTurn,
            RequestId inFlight, Instant inFlightSince, long version) {
        this(id, owner, state, nextTurn, inFlight, inFlightSince, null, version);
    }

    public ConversationSession(SessionId id, UserId owner, SessionState state, int nextTurn,
            RequestId inFlight, Instant inFlightSince, SessionTitle title, long version) {
        this(id, owner, state, nextTurn, inFlight, inFlightSince, title, false, null, version);
    }

    /** As stored, with whether its title was generated (suggested by the model) rather than the owner's. */
    public ConversationSession(SessionId id, UserId owner, SessionState state, int nextTurn,
            RequestId inFlight, Instant inFlightSince, SessionTitle title, boolean titleGenerated, long version) {
        this(id, owner, state, nextTurn, inFlight, inFlightSince, title, titleGenerated, null, version);
    }

    /** {@code head}: the prompt the shown branch ends with; none while the session has no prompt. */
    public ConversationSession(SessionId id, UserId owner, SessionState state, int nextTurn,
            RequestId inFlight, Instant inFlightSince, SessionTitle title, boolean titleGenerated, RequestId head,
            long version) {
        this(id, owner, state, nextTurn, inFlight, inFlightSince, title, titleGenerated, head, false, version);
    }

    /** As stored, with whether the owner pinned it. */
    public ConversationSession(SessionId id, UserId owner, SessionState state, int nextTurn,
            RequestId inFlight, Instant inFlightSince, SessionTitle title, boolean titleGenerated, RequestId head,
            boolean pinned, long version) {
        this.id = Objects.requireNonNull(id);
        this.owner = Objects.requireNonNull(owner);
        this.state = Objects.requireNonNull(state);
        if (nextTurn < 1) {
            throw new IllegalArgumentException("turns are numbered from 1");
        }
        if ((inFlight == null) != (inFlightSince == null)) {
            throw new IllegalArgumentException("an in-flight request needs its start time");
        }
        this.nextTurn = nextTurn;
        this.inFlight = inFlight;
        this.inFlightSince = inFlightSince;
        this.title = title;
        this.head = head;
        this.titleGenerated = title != null && titleGenerated;
        this.pinned = pinned;
        this.version = version;
    }

    /** A new, empty session; version 0 means "not stored yet". */
    public static ConversationSession start(SessionId id, UserId owner) {
        return new ConversationSession(id, owner, SessionState.ACTIVE, 1, null, null, 0);
    }

    /**
     * Decides on a new prompt. {@code context} is the earlier turns the answer needs, already cut
     * to budget; {@code inFlightTimeout} frees a turn whose answer never came back.
     */
    public SubmitResult submit(UserId by, RequestId requestId, PromptText text, TraceId traceId,
            List<ContextTurn> context, Instant now, Duration inFlightTimeout) {
        return submit(by, requestId, text, traceId, context, now, inFlightTimeout, AnswerOptions.DEFAULT);
    }

    /** The same, answered as the person chose (model, thinking): a new turn after the head. */
    public SubmitResult submit(UserId by, RequestId requestId, PromptText text, TraceId traceId,
            List<ContextTurn> context, Instant now, Duration inFlightTimeout, AnswerOptions options) {
        Optional<SubmitResult.Reason> refused = refusal(by, now, inFlightTimeout);
        if (refused.isPresent()) {
            return new SubmitResult.Rejected(refused.get());
        }
        return accept(nextTurn, head, requestId, text, traceId, context, now, options);
    }

    /**
     * Decides on a new version of the turn of {@code of}, one of this session's prompts: it follows
     * the same earlier turns ({@code context} is theirs) and the session shows it from now on. The
     * text is {@code of}'s for a regenerate, another for an edit.
     */
    public SubmitResult submitVersion(UserId by, RequestId requestId, UserPrompt of, PromptText text,
            TraceId traceId, List<ContextTurn> context, Instant now, Duration inFlightTimeout,
            AnswerOptions options) {
        Optional<SubmitResult.Reason> refused = refusal(by, now, inFlightTimeout);
        if (refused.isPresent()) {
            return new SubmitResult.Rejected(refused.get());
        }
        if (!of.sessionId().equals(id)) {
            return new SubmitResult.Rejected(SubmitResult.Reason.UNKNOWN_VERSION);
        }
        return accept(of.turn(), of.parent().orElse(null), requestId, text, traceId, context, now, options);
    }

    private Optional<SubmitResult.Reason> refusal(UserId by, Instant now, Duration inFlightTimeout) {
        if (!owner.equals(by)) {
            return Optional.of(SubmitResult.Reason.NOT_OWNER);
        }
        if (state == SessionState.DELETED) {
            return Optional.of(SubmitResult.Reason.DELETED);
        }
        if (state == SessionState.ARCHIVED) {
            return Optional.of(SubmitResult.Reason.ARCHIVED);
        }
        if (isBusy(now, inFlightTimeout)) {
            return Optional.of(SubmitResult.Reason.BUSY);
        }
        return Optional.empty();
    }

    private SubmitResult accept(int turn, RequestId parent, RequestId requestId, PromptText text, TraceId traceId,
            List<ContextTurn> context, Instant now, AnswerOptions options) {
        nextTurn = turn + 1;
        head = requestId;
        inFlight = requestId;
        inFlightSince = now;
        UserPrompt prompt = UserPrompt.accepted(requestId, id, owner, turn, parent, text, traceId, now);
        PromptSubmitted event = new PromptSubmitted(requestId, id, owner, traceId, turn, text, context, now, options,
                parent, versionAfterChange());
        return new SubmitResult.Accepted(prompt, event);
    }

    /**
     * The owner chooses to see {@code version}, one of this session's prompts: the session shows the
     * branch through it, which ends at {@code newestAfter} ({@code version}'s newest continuation, or
     * itself). Not while an answer is in flight: the answer belongs to the branch shown now.
     */
    public SelectResult selectVersion(UserId by, UserPrompt version, UserPrompt newestAfter, TraceId traceId,
            Instant now, Duration inFlightTimeout) {
        if (!isVisibleTo(by) || !version.sessionId().equals(id) || !newestAfter.sessionId().equals(id)) {
            return new SelectResult.Rejected(SelectResult.Reason.NOT_FOUND);
        }
        if (isBusy(now, inFlightTimeout)) {
            return new SelectResult.Rejected(SelectResult.Reason.BUSY);
        }
        if (newestAfter.requestId().equals(head)) {
            return new SelectResult.AlreadyShown(head);
        }
        head = newestAfter.requestId();
        nextTurn = newestAfter.turn() + 1;
        return new SelectResult.Selected(new VersionSelected(id, owner, traceId, version.requestId(), head,
                versionAfterChange(), now));
    }

    /** Whether an answer is in flight and has not yet outlived {@code inFlightTimeout}. */
    public boolean isBusy(Instant now, Duration inFlightTimeout) {
        return inFlight != null && now.isBefore(inFlightSince.plus(inFlightTimeout));
    }

    /**
     * The answer to {@code requestId} has an outcome: its turn no longer blocks the session.
     *
     * @return whether this call changed the session
     */
    public boolean release(RequestId requestId) {
        if (!requestId.equals(inFlight)) {
            return false;
        }
        inFlight = null;
        inFlightSince = null;
        return true;
    }

    /**
     * The owner gives the session a title of their own. A stranger, or anyone once the session is
     * deleted, is told it does not exist; a title that breaks {@link SessionTitle}'s rules is rejected.
     */
    public RenameResult rename(UserId by, String rawTitle, TraceId traceId, Instant now) {
        if (!owner.equals(by) || state == SessionState.DELETED) {
            return new RenameResult.Rejected(RenameResult.Reason.NOT_FOUND);
        }
        Optional<SessionTitle> parsed = SessionTitle.parse(rawTitle);
        if (parsed.isEmpty()) {
            return new RenameResult.Rejected(RenameResult.Reason.INVALID_TITLE);
        }
        title = parsed.get();
        titleGenerated = false;
        return new RenameResult.Renamed(new SessionRenamed(id, owner, traceId, title, now));
    }

    /**
     * A title the model suggested after the first answer. Applied only while the owner has not chosen a
     * title of their own (their rename always wins); ignored for a deleted session or another user's, and
     * when it is the title the session already has (a redelivered suggestion announces nothing).
     */
    public TitleSuggestionResult suggestTitle(UserId forUser, String rawTitle, TraceId traceId, Instant now) {
        if (!owner.equals(forUser) || state == SessionState.DELETED) {
            return new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.NOT_FOUND);
        }
        if (title != null && !titleGenerated) {
            return new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.OWNER_TITLED);
        }
        Optional<SessionTitle> parsed = SessionTitle.parse(rawTitle);
        if (parsed.isEmpty()) {
            return new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.INVALID_TITLE);
        }
        if (parsed.get().equals(title)) {
            return new TitleSuggestionResult.Ignored(TitleSuggestionResult.Reason.UNCHANGED);
        }
        title = parsed.get();
        titleGenerated = true;
        return new TitleSuggestionResult.Applied(new SessionRenamed(id, owner, traceId, title, now, true));
    }

    /**
     * The owner pins the session ({@code pin} true) or unpins it. A stranger, or anyone once the session is
     * deleted, is told it does not exist; asking for the flag it already has changes and announces nothing.
     */
    public PinResult pin(UserId by, boolean pin, TraceId traceId, Instant now) {
        if (!isVisibleTo(by)) {
            return new PinResult.Rejected();
        }
        if (pinned == pin) {
            return new PinResult.Unchanged(pinned);
        }
        pinned = pin;
        return new PinResult.Pinned(new SessionPinned(id, owner, traceId, pinned, now));
    }

    /** The owner deletes the session, for good. Deleting again changes nothing and announces nothing. */
    public DeleteResult delete(UserId by, TraceId traceId, Instant now) {
        if (!owner.equals(by)) {
            return new DeleteResult.Rejected();
        }
        if (state == SessionState.DELETED) {
            return new DeleteResult.AlreadyDeleted();
        }
        state = SessionState.DELETED;
        return new DeleteResult.Deleted(new SessionDeleted(id, owner, traceId, now));
    }

    public boolean isDeleted() {
        return state == SessionState.DELETED;
    }

    public Optional<SessionTitle> title() {
        return Optional.ofNullable(title);
    }

    /** Whether the owner keeps it on top of their list. */
    public boolean isPinned() {
        return pinned;
    }

    /** Whether the title is one the model suggested (false without a title, or with the owner's own). */
    public boolean isTitleGenerated() {
        return titleGenerated;
    }

    public void archive() {
        state = SessionState.ARCHIVED;
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }

    /**
     * Whether {@code user} may learn anything about this session or its prompts: only its owner, and
     * nobody once it is deleted (to everyone else it looks as if it never existed).
     */
    public boolean isVisibleTo(UserId user) {
        return owner.equals(user) && state != SessionState.DELETED;
    }

    public SessionId id() {
        return id;
    }

    public UserId owner() {
        return owner;
    }

    public SessionState state() {
        return state;
    }

    public int nextTurn() {
        return nextTurn;
    }

    public Optional<RequestId> inFlight() {
        return Optional.ofNullable(inFlight);
    }

    public Optional<Instant> inFlightSince() {
        return Optional.ofNullable(inFlightSince);
    }

    /** The prompt the shown branch ends with: the one a new prompt follows. Empty before the first prompt. */
    public Optional<RequestId> head() {
        return Optional.ofNullable(head);
    }

    /**
     * The version the session is stored at with the change being decided: one more than the version it
     * was read at ({@link Sessions#save} adds one). Events carry it so readers can order a session's changes.
     */
    private long versionAfterChange() {
        return version + 1;
    }

    /** Optimistic-lock version of the stored copy this instance was read from (0: new). */
    public long version() {
        return version;
    }
}
