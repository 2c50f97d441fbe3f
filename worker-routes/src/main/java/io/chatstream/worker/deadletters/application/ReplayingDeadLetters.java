package io.chatstream.worker.deadletters.application;

import io.chatstream.worker.answering.application.AnswerResult;
import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.application.AnsweringPrompt;
import io.chatstream.worker.answering.application.PromptToAnswer;
import io.chatstream.worker.answering.application.SubmittedPrompts;
import io.chatstream.worker.deadletters.domain.DeadLetter;
import io.chatstream.worker.deadletters.domain.ReplayEligibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Use case: answer dead letters again. Each replay is claimed first (so two calls, or two
 * instances, never answer the same request twice), recorded on the audit log, then run in the
 * background by the normal answering use case: tokens to the same answer stream behind a reset,
 * and the outcome published as for any prompt, so the user finds the answer in the history.
 */
public final class ReplayingDeadLetters {

    public static final String ACTION = "dlq.replay";
    public static final String ACTION_RESULT = "dlq.replay.result";
    public static final String ACTION_BATCH = "dlq.replay.batch";
    public static final String ACCEPTED = "accepted";
    public static final String NOT_FOUND = "not_found";
    public static final String BUSY = "refused_busy";

    private final DeadLetters letters;
    private final ReplayClaims claims;
    private final SubmittedPrompts prompts;
    private final AnsweringPrompt answering;
    private final ReplayQueue queue;
    private final AuditLog audit;
    private final Limits limits;
    private final Clock clock;

    public ReplayingDeadLetters(DeadLetters letters, ReplayClaims claims, SubmittedPrompts prompts,
            AnsweringPrompt answering, ReplayQueue queue, AuditLog audit, Limits limits, Clock clock) {
        this.letters = letters;
        this.claims = claims;
        this.prompts = prompts;
        this.answering = answering;
        this.queue = queue;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    /** @param maxAge dead letters older than this need force */
    public record Limits(int maxPerCall, Duration maxAge) {
    }

    public ReplayReport replay(ReplayOrder order) {
        return replay(order, AnswerSettings.DEFAULTS);
    }

    /** Replays with {@code settings}: the answer route's live ones, so a replay answers as a new prompt would. */
    public ReplayReport replay(ReplayOrder order, AnswerSettings settings) {
        Instant now = clock.instant();
        int bound = order.limit() <= 0 ? limits.maxPerCall() : Math.min(order.limit(), limits.maxPerCall());
        if (order.selection() instanceof ReplayOrder.Selection.One one) {
            Optional<DeadLetter> letter = letters.find(one.requestId());
            if (letter.isEmpty()) {
                record(ACTION, order, one.requestId(), NOT_FOUND, detail(order, null), now);
                return new ReplayReport(List.of(new ReplayReport.Line(one.requestId(), NOT_FOUND, "")), 0, 0,
                        Map.of());
            }
            return new ReplayReport(List.of(attempt(letter.get(), order, settings, now)), 1, 0, Map.of());
        }
        DeadLetterFilter filter = ((ReplayOrder.Selection.Matching) order.selection()).filter();
        List<ReplayReport.Line> lines = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        int matched = 0;
        int remaining = 0;
        for (DeadLetter letter : letters.all()) {
            if (!filter.matches(letter, now)) {
                continue;
            }
            matched++;
            Optional<String> skip = skipReason(letter, order.force(), now);
            if (skip.isPresent()) {
                skipped.merge(skip.get(), 1, Integer::sum);
            } else if (lines.size() >= bound) {
                remaining++;
            } else {
                lines.add(attempt(letter, order, settings, now));
            }
        }
        record(ACTION_BATCH, order, filter.describe(), "attempted=" + lines.size(),
                "matched=" + matched + " remaining=" + remaining + " skipped=" + skipped + " force=" + order.force()
                        + reasonPart(order), now);
        return new ReplayReport(List.copyOf(lines), matched, remaining, skipped);
    }

    /** A filter leaves alone what could only be refused, so repeated calls make progress through the rest. */
    private Optional<String> skipReason(DeadLetter letter, boolean force, Instant now) {
        if (letter.eligibility(now, limits.maxAge(), force) instanceof ReplayEligibility.Refused refused) {
            return Optional.of(refused.reason());
        }
        return switch (claims.status(letter.requestId())) {
            case "running" -> Optional.of(ReplayClaims.Claim.IN_PROGRESS.result());
            case "completed", "stopped" -> Optional.of(ReplayClaims.Claim.ALREADY_REPLAYED.result());
            default -> Optional.empty();
        };
    }

    private ReplayReport.Line attempt(DeadLetter letter, ReplayOrder order, AnswerSettings settings, Instant now) {
        String result;
        if (letter.eligibility(now, limits.maxAge(), order.force()) instanceof ReplayEligibility.Refused refused) {
            result = refused.reason();
        } else {
            result = claims.claim(letter.requestId()).result();
        }
        record(ACTION, order, letter.requestId(), result, detail(order, letter), now);
        if (ACCEPTED.equals(result) && !queue.submit(() -> run(letter, order, settings))) {
            claims.release(letter.requestId());
            result = BUSY;
            record(ACTION, order, letter.requestId(), result, detail(order, letter), clock.instant());
        }
        return new ReplayReport.Line(letter.requestId(), result, letter.errorCode());
    }

    /** The replay itself, on the queue's thread: the normal answering use case, then its result audited. */
    void run(DeadLetter letter, ReplayOrder order, AnswerSettings settings) {
        String result = "error";
        try {
            Optional<PromptToAnswer> prompt = prompts.read(letter.payload());
            if (prompt.isEmpty()) {
                result = "unreadable";
                claims.release(letter.requestId());
                return;
            }
            AnswerResult answered = answering.answer(prompt.get(), settings);
            if (answered instanceof AnswerResult.Published published) {
                result = published.outcome().event().status().wireName();
                claims.finish(letter.requestId(), result);
            } else {
                result = answered instanceof AnswerResult.AlreadyAnswered ? "already_answered"
                        : answered instanceof AnswerResult.AlreadyInProgress ? "in_progress" : "abandoned";
                claims.release(letter.requestId());
            }
        } catch (RuntimeException e) {
            claims.release(letter.requestId());
            throw e;
        } finally {
            record(ACTION_RESULT, order, letter.requestId(), result, detail(order, letter), clock.instant());
        }
    }

    private void record(String action, ReplayOrder order, String target, String result, String detail, Instant at) {
        audit.append(new AuditLog.Entry(action, order.actor(), target, result, detail, at));
    }

    private static String detail(ReplayOrder order, DeadLetter letter) {
        String failure = letter == null ? "" : "error_code=" + letter.errorCode() + " attempts=" + letter.attempts()
                + " parked_at=" + letter.parkedAt() + " ";
        return failure + "force=" + order.force() + reasonPart(order);
    }

    private static String reasonPart(ReplayOrder order) {
        return order.reason().isBlank() ? "" : " reason=" + order.reason();
    }
}
