package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import io.chatstream.worker.answering.domain.AnswerEvent;
import io.chatstream.worker.answering.domain.FailureClass;
import io.chatstream.worker.answering.domain.InferenceTask;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.StreamEntry;
import io.chatstream.worker.answering.domain.TaskDecision;
import io.chatstream.worker.answering.domain.TaskState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Use case: answer one submitted prompt. Streams the model's tokens to the answer stream,
 * retries what may succeed next time, and returns only after the outcome was published, so
 * the caller may then acknowledge the prompt (at-least-once).
 */
public final class AnsweringPrompt {

    private final ModelProvider provider;
    private final AnswerStreams streams;
    private final InferenceTasks tasks;
    private final AnswerOutcomes outcomes;
    private final DeadLetterTopic deadLetterTopic;
    private final AnswerMetrics metrics;
    private final InflightAnswers inflight;
    private final RecentlyCancelled cancelled;
    private final AnsweringPolicy policy;
    private final Clock clock;
    private final DoubleSupplier random;

    public AnsweringPrompt(ModelProvider provider, AnswerStreams streams, InferenceTasks tasks,
            AnswerOutcomes outcomes, DeadLetterTopic deadLetterTopic, AnswerMetrics metrics, InflightAnswers inflight,
            RecentlyCancelled cancelled, AnsweringPolicy policy, Clock clock, DoubleSupplier random) {
        this.provider = provider;
        this.streams = streams;
        this.tasks = tasks;
        this.outcomes = outcomes;
        this.deadLetterTopic = deadLetterTopic;
        this.metrics = metrics;
        this.inflight = inflight;
        this.cancelled = cancelled;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    public AnswerResult answer(PromptToAnswer prompt) {
        return answer(prompt, AnswerSettings.DEFAULTS);
    }

    /** The policy and model in effect at start-up, with this prompt's overrides on top. */
    public AnswerResult answer(PromptToAnswer prompt, AnswerSettings settings) {
        RequestId requestId = prompt.requestId();
        Optional<InferenceTasks.Snapshot> known = tasks.find(requestId);
        if (known.isPresent() && known.get().state().isTerminal()) {
            return new AnswerResult.AlreadyAnswered(known.get().state());
        }
        Optional<BlockingQueue<MailboxMessage>> opened = inflight.open(requestId);
        if (opened.isEmpty()) {
            return new AnswerResult.AlreadyInProgress();
        }
        BlockingQueue<MailboxMessage> mailbox = opened.get();
        try {
            Instant pickedUp = clock.instant();
            InferenceTask task = InferenceTask.queued(requestId, prompt.sessionId(), prompt.userId(), prompt.turn());
            task.resumeAfter(streams.lastSeq(requestId), known.map(InferenceTasks.Snapshot::attempt).orElse(0));
            // Checked after the mailbox is open: a cancel arriving from now on reaches the mailbox instead.
            AnswerSettings.ModelChoice model = settings.modelFor(prompt);
            if (cancelled.contains(requestId)) {
                return new AnswerResult.Published(finish(prompt, task, stoppedBeforeStart(task), pickedUp, null,
                        model.model()));
            }
            AnswerRun run = new AnswerRun(prompt, task, mailbox, pickedUp, settings.applyTo(policy), model);
            TaskDecision.Ended ended = run.toTheEnd();
            return new AnswerResult.Published(finish(prompt, task, ended, pickedUp, run.firstTokenAt(),
                    model.model()));
        } catch (AbandonedRun e) {
            return new AnswerResult.Abandoned();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while answering " + requestId);
        } finally {
            inflight.close(requestId);
        }
    }

    private AnswerOutcome finish(PromptToAnswer prompt, InferenceTask task, TaskDecision.Ended ended, Instant pickedUp,
            Instant firstTokenAt, String model) {
        RequestId requestId = prompt.requestId();
        Instant now = clock.instant();
        ended.closingEntries().forEach(entry -> streams.append(requestId, entry, now));
        if (ended.withdrawsText()) {
            streams.withdrawText(requestId, ended.closingEntries().size());
        }
        streams.expireAfterEnd(requestId);
        AnswerOutcome outcome = new AnswerOutcome(prompt, ended.event(), new AnswerOutcome.Timings(
                prompt.submittedAt() == null ? 0 : Math.max(0, millis(prompt.submittedAt(), pickedUp)),
                firstTokenAt == null ? 0 : millis(pickedUp, firstTokenAt),
                millis(pickedUp, now)), model);
        Ending ending = new Ending(prompt, outcome, new InferenceTasks.Snapshot(task.state(), task.attempt(), pickedUp),
                Duration.between(pickedUp, now));
        try {
            ending.complete();
        } catch (RuntimeException e) {
            throw new OutcomeNotPublished(ending, e);
        }
        return outcome;
    }

    /** Sends again what an answer whose stream has ended did not get out; throws while it still fails. */
    public void publish(OutcomeNotPublished unpublished) {
        unpublished.ending.complete();
    }

    /**
     * The steps after the terminal entry, each done once: readers have seen the answer end, so a
     * failure here is retried by publishing this outcome again, never by answering again.
     */
    private final class Ending {

        private final PromptToAnswer prompt;
        private final AnswerOutcome outcome;
        private final InferenceTasks.Snapshot terminal;
        private final Duration took;
        private boolean published;
        private boolean deadLettered;

        Ending(PromptToAnswer prompt, AnswerOutcome outcome, InferenceTasks.Snapshot terminal, Duration took) {
            this.prompt = prompt;
            this.outcome = outcome;
            this.terminal = terminal;
            this.took = took;
        }

        void complete() {
            if (!published) {
                outcomes.publish(outcome);
                published = true;
            }
            if (!deadLettered && outcome.event() instanceof AnswerEvent.AnswerFailed failed
                    && failed.failureClass() != FailureClass.MODERATED) {
                // A moderation refusal is the answer to this prompt, not an incident for ops to replay.
                deadLetterTopic.publish(prompt, failed);
            }
            deadLettered = true;
            // Marked terminal only after publishing: a crash before this line makes the redelivery answer again.
            tasks.save(prompt.requestId(), terminal);
            metrics.answered(outcome.event(), took);
        }
    }

    /** The answer stream has its terminal entry, but the outcome is not (all) out yet. */
    public static final class OutcomeNotPublished extends RuntimeException {

        private final transient Ending ending;

        OutcomeNotPublished(Ending ending, RuntimeException cause) {
            super("outcome of " + ending.prompt.requestId() + " not published", cause);
            this.ending = ending;
        }

        public PromptToAnswer prompt() {
            return ending.prompt;
        }
    }

    /** Every answer running here gives up without a terminal entry (the instance is stopping); returns how many. */
    public int abandonAll() {
        int told = 0;
        for (RequestId requestId : inflight.requestIds()) {
            if (abandon(requestId)) {
                told++;
            }
        }
        return told;
    }

    /**
     * This instance no longer owns the prompt (its Kafka partition was revoked): the running
     * answer ends without a terminal entry or outcome, so the new owner's answer is the only one.
     */
    public boolean abandon(RequestId requestId) {
        return inflight.mailbox(requestId).map(mailbox -> mailbox.offer(new MailboxMessage.Abandoned())).orElse(false);
    }

    /** Unwinds an answer run that was abandoned. */
    private static final class AbandonedRun extends RuntimeException {

        AbandonedRun() {
            super("abandoned", null, false, false);
        }
    }

    /** No provider call; a reset first when an earlier worker left text in the stream. */
    private TaskDecision.Ended stoppedBeforeStart(InferenceTask task) {
        task.beginAttempt().ifPresent(reset -> streams.append(task.requestId(), reset, clock.instant()));
        return (TaskDecision.Ended) task.stop(clock.instant());
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** The attempts of one answer, driven by the messages in its mailbox. */
    private final class AnswerRun {

        private final PromptToAnswer prompt;
        private final InferenceTask task;
        private final BlockingQueue<MailboxMessage> mailbox;
        private final Instant pickedUp;
        // This prompt's policy (shadows the start-up one) and model (its name null = the configured one).
        private final AnsweringPolicy policy;
        private final AnswerSettings.ModelChoice model;
        private final ChunkBuffer buffer;
        private Instant firstTokenAt;

        AnswerRun(PromptToAnswer prompt, InferenceTask task, BlockingQueue<MailboxMessage> mailbox, Instant pickedUp,
                AnsweringPolicy policy, AnswerSettings.ModelChoice model) {
            this.policy = policy;
            this.model = model;
            this.buffer = new ChunkBuffer(policy.coalescing());
            this.prompt = prompt;
            this.task = task;
            this.mailbox = mailbox;
            this.pickedUp = pickedUp;
        }

        Instant firstTokenAt() {
            return firstTokenAt;
        }

        TaskDecision.Ended toTheEnd() throws InterruptedException {
            while (true) {
                firstTokenAt = null;
                TaskDecision decision = attempt(task.beginAttempt());
                if (decision instanceof TaskDecision.Ended ended) {
                    return ended;
                }
                if (decision instanceof TaskDecision.Rejected rejected) {
                    throw new IllegalStateException("inference task refused a move: " + rejected.reason());
                }
                TaskDecision.RetryNext retry = (TaskDecision.RetryNext) decision;
                metrics.retried(retry.error().code());
                Optional<TaskDecision.Ended> stopped = pauseUnlessStopped(
                        policy.backoff().before(retry.failedAttempt() + 1, random.getAsDouble()));
                if (stopped.isPresent()) {
                    return stopped.get();
                }
            }
        }

        /**
         * One attempt. Its reset entry (when an earlier one left text) and its snapshot are written once the model
         * call is out, so their Redis round trips overlap the model's first-token delay; both still come before the
         * attempt's first token, which only this thread writes, after them. A crash between the call and them
         * leaves no trace of the attempt, as a crash before the call would.
         */
        private TaskDecision attempt(Optional<StreamEntry.Reset> reset) throws InterruptedException {
            int attempt = task.attempt();
            buffer.restart();
            ModelProvider.Stream stream = null;
            ProviderError refused = null;
            if (!model.offered()) {
                // Ops took the model out of the catalog after the gateway accepted the prompt: never sent.
                refused = new ProviderError(ProviderError.MODEL_NOT_OFFERED,
                        "model " + model.model() + " is not offered", 0);
            } else {
                try {
                    stream = provider.stream(model.model(), model.thinking(), prompt.conversation(),
                            new MailboxListener(mailbox, attempt));
                } catch (RuntimeException e) {
                    refused = new ProviderError("PROVIDER_CALL_REJECTED", e.getMessage(), 0);
                }
            }
            reset.ifPresent(entry -> streams.append(task.requestId(), entry, clock.instant()));
            tasks.save(task.requestId(), new InferenceTasks.Snapshot(TaskState.STREAMING, attempt, pickedUp));
            if (refused != null) {
                return task.failAttempt(refused, clock.instant(), policy.maxAttempts());
            }
            long deadline = clock.millis() + policy.totalTimeout().toMillis();
            long lastTokenAt = clock.millis();
            long thinkingSince = -1; // the first reasoning piece of this attempt, if any
            while (true) {
                long giveUpAt = giveUpAt(lastTokenAt, thinkingSince, deadline);
                long now = clock.millis();
                long flushIn = buffer.millisUntilDue(now);
                long wait = flushIn >= 0 ? Math.min(flushIn, giveUpAt - now) : giveUpAt - now;
                MailboxMessage message = wait <= 0 ? null : mailbox.poll(wait, TimeUnit.MILLISECONDS);
                if (message == null) {
                    now = clock.millis();
                    Optional<String> due = buffer.due(now);
                    if (due.isPresent()) {
                        write(due.get());
                        continue;
                    }
                    if (now < giveUpAt) {
                        continue;
                    }
                    flush();
                    stream.cancel();
                    return task.failAttempt(timeout(deadline, thinkingSince), clock.instant(), policy.maxAttempts());
                }
                if (message instanceof MailboxMessage.Token token && token.attempt() == attempt) {
                    lastTokenAt = clock.millis();
                } else if (message instanceof MailboxMessage.Thinking thinking && thinking.attempt() == attempt) {
                    lastTokenAt = clock.millis();
                    thinkingSince = thinkingSince < 0 ? lastTokenAt : thinkingSince;
                    flush(); // held answer text (none, as a rule) stays before the reasoning that follows it
                    task.think(thinking.text()).ifPresent(entry -> streams.append(task.requestId(), entry, clock.instant()));
                    continue;
                }
                Optional<TaskDecision> decision = handle(message, attempt, stream);
                if (decision.isPresent()) {
                    return decision.get();
                }
            }
        }

        /** Held text always goes out before a terminal or reset entry, so no text is lost or reordered. */
        private Optional<TaskDecision> handle(MailboxMessage message, int attempt, ModelProvider.Stream stream) {
            if (message instanceof MailboxMessage.Abandoned) {
                stream.cancel();
                throw new AbandonedRun();
            }
            if (message instanceof MailboxMessage.StopRequested) {
                flush();
                stream.cancel();
                return Optional.of(task.stop(clock.instant()));
            }
            if (message instanceof MailboxMessage.Token token && token.attempt() == attempt) {
                Instant now = clock.instant();
                if (firstTokenAt == null && !token.text().isEmpty()) {
                    firstTokenAt = now;
                    metrics.firstToken(Duration.between(pickedUp, now));
                }
                buffer.add(token.text(), now.toEpochMilli()).ifPresent(this::write);
            } else if (message instanceof MailboxMessage.Completed done && done.attempt() == attempt) {
                flush();
                return Optional.of(task.complete(done.response(), clock.instant()));
            } else if (message instanceof MailboxMessage.Failed failed && failed.attempt() == attempt) {
                flush();
                return Optional.of(task.failAttempt(failed.error(), clock.instant(), policy.maxAttempts()));
            }
            return Optional.empty();
        }

        private void flush() {
            buffer.flush().ifPresent(this::write);
        }

        private void write(String text) {
            task.append(text).ifPresent(chunk -> streams.append(task.requestId(), chunk, clock.instant()));
        }

        /**
         * When the attempt gives up without news: before any sign of life after the first-token timeout;
         * while the model thinks, after the idle timeout between pieces or the thinking timeout in all;
         * once it answers, after the idle timeout; never after the total timeout.
         */
        private long giveUpAt(long lastTokenAt, long thinkingSince, long deadline) {
            long giveUpAt;
            if (firstTokenAt != null) {
                giveUpAt = lastTokenAt + policy.idleTimeout().toMillis();
            } else if (thinkingSince >= 0) {
                giveUpAt = Math.min(lastTokenAt + policy.idleTimeout().toMillis(),
                        thinkingSince + policy.thinkingTimeout().toMillis());
            } else {
                giveUpAt = lastTokenAt + policy.firstTokenTimeout().toMillis();
            }
            return Math.min(giveUpAt, deadline);
        }

        private ProviderError timeout(long deadline, long thinkingSince) {
            long now = clock.millis();
            String what = now >= deadline ? "the answer took longer than " + policy.totalTimeout()
                    : firstTokenAt != null ? "no token within " + policy.idleTimeout()
                    : thinkingSince < 0 ? "no first token within " + policy.firstTokenTimeout()
                    : now >= thinkingSince + policy.thinkingTimeout().toMillis()
                            ? "still thinking after " + policy.thinkingTimeout()
                            : "no thinking within " + policy.idleTimeout();
            return ProviderError.timeout(what);
        }

        private Optional<TaskDecision.Ended> pauseUnlessStopped(Duration pause) throws InterruptedException {
            long until = clock.millis() + pause.toMillis();
            for (long left = pause.toMillis(); left > 0; left = until - clock.millis()) {
                MailboxMessage message = mailbox.poll(left, TimeUnit.MILLISECONDS);
                if (message instanceof MailboxMessage.Abandoned) {
                    throw new AbandonedRun();
                }
                if (message instanceof MailboxMessage.StopRequested) {
                    TaskDecision decision = task.stop(clock.instant());
                    if (decision instanceof TaskDecision.Ended ended) {
                        return Optional.of(ended);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
