package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.AnswerOptions;
import io.chatstream.command.conversation.domain.DailyTokens;
import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
import io.chatstream.command.conversation.domain.ContextTurn;
import io.chatstream.command.conversation.domain.ContextWindow;
import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.PromptText;
import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.RequestAlreadyRecorded;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.command.conversation.domain.SubmitResult;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case: accept a prompt into a (new or existing) session. Idempotent on the request id;
 * the session, the prompt and the PromptSubmitted outbox row are written in one transaction.
 */
public class SubmittingPrompt {

    private final Sessions sessions;
    private final Prompts prompts;
    private final DailyTokens dailyTokens;
    private final Outbox outbox;
    private final OutboxRelayTrigger relay;
    private final IdempotencyCache cache;
    private final Transactions transactions;
    private final SubmitSettings settings;
    private final Clock clock;

    public SubmittingPrompt(Sessions sessions, Prompts prompts, DailyTokens dailyTokens, Outbox outbox,
            OutboxRelayTrigger relay, IdempotencyCache cache, Transactions transactions, SubmitSettings settings,
            Clock clock) {
        this.sessions = sessions;
        this.prompts = prompts;
        this.dailyTokens = dailyTokens;
        this.outbox = outbox;
        this.relay = relay;
        this.cache = cache;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    public SubmitOutcome submit(SubmitPrompt command) {
        Optional<UserId> user = UserId.parse(command.userId());
        if (user.isEmpty()) {
            return new SubmitOutcome.Rejected(CommandError.INVALID_USER_ID);
        }
        boolean clientChoseId = !isBlank(command.requestId());
        Optional<RequestId> requestId = clientChoseId ? RequestId.parse(command.requestId())
                : Optional.of(RequestId.generate());
        if (requestId.isEmpty()) {
            return new SubmitOutcome.Rejected(CommandError.INVALID_REQUEST_ID);
        }
        Optional<SessionId> sessionId = Optional.empty();
        if (!isBlank(command.sessionId())) {
            sessionId = SessionId.parse(command.sessionId());
            if (sessionId.isEmpty()) {
                return new SubmitOutcome.Rejected(CommandError.INVALID_SESSION_ID);
            }
        }
        if (clientChoseId) {
            Optional<SubmitOutcome> earlier = earlierSubmission(requestId.get(), user.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Optional<RequestId> versionOf = Optional.empty();
        if (!isBlank(command.versionOf())) {
            versionOf = RequestId.parse(command.versionOf());
            if (versionOf.isEmpty()) {
                return new SubmitOutcome.Rejected(CommandError.INVALID_REQUEST_ID);
            }
        }
        PromptText text = null; // a regenerate: the text of the prompt it is a version of
        if (versionOf.isEmpty() || !isBlank(command.prompt())) {
            PromptText.Parsed parsed = PromptText.parse(command.prompt(), settings.maxPromptChars());
            if (parsed instanceof PromptText.Invalid invalid) {
                return new SubmitOutcome.Rejected(switch (invalid.violation()) {
                    case EMPTY -> CommandError.PROMPT_EMPTY;
                    case INVALID -> CommandError.PROMPT_INVALID;
                    case TOO_LARGE -> CommandError.PROMPT_TOO_LARGE;
                });
            }
            text = ((PromptText.Valid) parsed).text();
        }
        TraceId traceId = TraceId.parseOrGenerate(command.traceId());
        Submission submission = new Submission(user.get(), requestId.get(), sessionId, versionOf, text, traceId,
                command.options());
        return submitValid(submission);
    }

    /** A submit whose fields are valid; {@code text} is null for a regenerate (the text of {@code versionOf}). */
    private record Submission(UserId user, RequestId requestId, Optional<SessionId> sessionId,
            Optional<RequestId> versionOf, PromptText text, TraceId traceId, AnswerOptions options) {
    }

    private SubmitOutcome submitValid(Submission submission) {
        UserId user = submission.user();
        SubmitOutcome outcome;
        try {
            // A lost race is decided again on fresh state; decide() also spots a conflicting duplicate of this request.
            outcome = transactions.retryingConflicts(() -> decide(submission));
        } catch (RequestAlreadyRecorded raced) {
            return earlierSubmission(submission.requestId(), user)
                    .orElseThrow(() -> new IllegalStateException("request id taken but not readable", raced));
        } catch (ConcurrentSessionChange conflict) {
            return new SubmitOutcome.Rejected(CommandError.SESSION_BUSY);
        }
        if (outcome instanceof SubmitOutcome.Accepted accepted) {
            cache.remember(new AcceptedSubmission(accepted.requestId(), user, accepted.sessionId(),
                    accepted.acceptedAt(), accepted.turn()));
            relay.relayNow();
        }
        return outcome;
    }

    private SubmitOutcome decide(Submission submission) {
        UserId user = submission.user();
        // Re-checked inside the transaction: a duplicate may have committed since the first look,
        // and its in-flight turn would otherwise make this repetition look like a busy session.
        Optional<SubmitOutcome> duplicate = prompts.find(submission.requestId()).map(AcceptedSubmission::of)
                .map(earlier -> repeated(earlier, user));
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        if (overBudget(user)) {
            // Checked before the model is ever called: the prompt is not accepted, nothing is queued.
            return new SubmitOutcome.Rejected(CommandError.QUOTA_EXCEEDED);
        }
        if (submission.versionOf().isPresent()) {
            return decideVersion(submission);
        }
        ConversationSession session;
        List<UserPrompt> earlier;
        if (submission.sessionId().isPresent()) {
            Optional<ConversationSession> found = sessions.find(submission.sessionId().get());
            if (found.isEmpty()) {
                return new SubmitOutcome.Rejected(CommandError.SESSION_NOT_FOUND);
            }
            session = found.get();
            earlier = session.isOwnedBy(user) ? branchEndingAt(session.head()) : List.of();
        } else {
            int cap = settings.maxSessionsPerUser();
            if (cap > 0 && sessions.countKeptBy(user) >= cap) {
                return new SubmitOutcome.Rejected(CommandError.SESSION_LIMIT_REACHED);
            }
            session = ConversationSession.start(SessionId.generate(), user);
            earlier = List.of();
        }
        List<ContextTurn> context = ContextWindow.of(earlier, settings.contextBudget());
        SubmitResult result = session.submit(user, submission.requestId(), submission.text(), submission.traceId(),
                context, clock.instant(), settings.inFlightTimeout(), submission.options());
        return stored(session, result);
    }

    /** A regenerate or an edit: a new version of the turn of {@code versionOf}, after the same earlier turns. */
    private SubmitOutcome decideVersion(Submission submission) {
        Optional<UserPrompt> of = prompts.find(submission.versionOf().get())
                .filter(p -> p.belongsTo(submission.user()))
                .filter(p -> submission.sessionId().map(p.sessionId()::equals).orElse(true));
        Optional<ConversationSession> session = of.flatMap(p -> sessions.find(p.sessionId()));
        if (session.isEmpty()) {
            return new SubmitOutcome.Rejected(CommandError.REQUEST_NOT_FOUND);
        }
        List<ContextTurn> context = ContextWindow.of(branchEndingAt(of.get().parent()), settings.contextBudget());
        PromptText text = submission.text() != null ? submission.text() : of.get().text();
        SubmitResult result = session.get().submitVersion(submission.user(), submission.requestId(), of.get(), text,
                submission.traceId(), context, clock.instant(), settings.inFlightTimeout(), submission.options());
        return stored(session.get(), result);
    }

    private List<UserPrompt> branchEndingAt(Optional<RequestId> last) {
        return last.map(id -> prompts.branchEndingAt(id, settings.contextBudget().maxTurns())).orElse(List.of());
    }

    private SubmitOutcome stored(ConversationSession session, SubmitResult result) {
        if (result instanceof SubmitResult.Accepted accepted) {
            sessions.save(session);
            prompts.add(accepted.prompt());
            outbox.add(accepted.event());
            return AcceptedSubmission.of(accepted.prompt()).toOutcome();
        }
        return new SubmitOutcome.Rejected(switch (((SubmitResult.Rejected) result).reason()) {
            // Someone else's session answers like a missing one: ids are not confirmed to strangers.
            case NOT_OWNER -> CommandError.SESSION_NOT_FOUND;
            case ARCHIVED -> CommandError.SESSION_ARCHIVED;
            // A deleted session is gone: nothing tells it apart from one that never existed.
            case DELETED -> CommandError.SESSION_NOT_FOUND;
            case BUSY -> CommandError.SESSION_BUSY;
            case UNKNOWN_VERSION -> CommandError.REQUEST_NOT_FOUND;
        });
    }

    private boolean overBudget(UserId user) {
        long budget = settings.dailyTokenBudget();
        return budget > 0 && dailyTokens.spentOn(user, DailyTokens.dayOf(clock.instant())) >= budget;
    }

    /** The first answer to a repeated request id; another user's id is rejected without saying why. */
    private Optional<SubmitOutcome> earlierSubmission(RequestId requestId, UserId user) {
        Optional<AcceptedSubmission> known = cache.find(requestId);
        if (known.isEmpty()) {
            known = prompts.find(requestId).map(AcceptedSubmission::of);
            known.ifPresent(cache::remember);
        }
        return known.map(submission -> repeated(submission, user));
    }

    private static SubmitOutcome repeated(AcceptedSubmission submission, UserId user) {
        return submission.userId().equals(user)
                ? submission.toOutcome()
                : new SubmitOutcome.Rejected(CommandError.INVALID_REQUEST_ID);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
