package io.chatstream.worker.answering.infrastructure;

import io.chatstream.worker.answering.application.AnswerMetrics;
import io.chatstream.worker.answering.application.AnswerResult;
import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import io.chatstream.worker.answering.application.AnsweringPrompt;
import io.chatstream.worker.answering.application.PromptToAnswer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Answers prompts concurrently so one long answer does not hold up its partition. The Kafka
 * consumer thread hands each prompt over and moves on; when {@code maxConcurrent} answers run,
 * it waits (back-pressure). A record's offset is committed once its outcome is published and
 * every earlier record of the partition has ended. A technical failure is retried; if it
 * persists the offset stays uncommitted, so the prompt is delivered again after a restart.
 *
 * <p>A graceful stop happens in a lifecycle phase before Camel's, while Kafka, Redis and the
 * outcome routes still work: new prompts are refused (their offsets stay uncommitted), running
 * answers get {@code shutdownGrace} to finish and publish, and the rest are handed over: each ends
 * without a terminal entry or outcome, and the worker that takes the partition answers it from
 * a reset. No answer is started again on a stopping instance.
 */
public final class AnswerDispatcher implements SmartLifecycle {

    /** Stopped before Camel ({@code SpringCamelContext} stops at {@code Integer.MAX_VALUE - 2049}). */
    static final int PHASE = Integer.MAX_VALUE - 1024;

    /** How long answers told to hand over get to unwind before they are interrupted. */
    private static final Duration HANDOVER = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(AnswerDispatcher.class);

    private final AnsweringPrompt answering;
    private final KafkaOffsets offsets;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final int retries;
    private final Duration retryDelay;
    private final Duration shutdownGrace;
    private final AnswerMetrics metrics;
    private final LiveAnswerSettings<Exchange> answerSettings;
    private volatile boolean stopping;
    private volatile boolean running;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public AnswerDispatcher(AnsweringPrompt answering, KafkaOffsets offsets, int maxConcurrent, int retries,
            Duration retryDelay, Duration shutdownGrace, AnswerMetrics metrics,
            LiveAnswerSettings<Exchange> answerSettings) {
        this.answerSettings = answerSettings;
        this.shutdownGrace = shutdownGrace;
        this.metrics = metrics;
        this.answering = answering;
        this.offsets = offsets;
        this.slots = new Semaphore(maxConcurrent);
        this.retries = retries;
        this.retryDelay = retryDelay;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(maxConcurrent, r -> {
            Thread t = new Thread(r, "answer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void dispatch(PromptToAnswer prompt, Exchange exchange) throws InterruptedException {
        refuseIfStopping(prompt);
        // If the partition moves away, the new owner answers: this instance gives up its answer.
        Runnable ended = offsets.begin(exchange, () -> answering.abandon(prompt.requestId()));
        // Model, retry count and timeouts the answer route set for this prompt (editable live).
        AnswerSettings settings = answerSettings.read(exchange);
        slots.acquire();
        if (stopping) {
            slots.release();
            refuseIfStopping(prompt);
        }
        try {
            // The answer runs in the trace of the record that brought the prompt (its logs carry the
            // trace id, the outcome record carries the context on).
            executor.execute(Context.current().wrap(() -> {
                metrics.startedAfter(Duration.between(prompt.submittedAt(), Instant.now()));
                try {
                    if (!stopping && answerWithRetries(prompt, settings)) {
                        ended.run();
                    }
                } finally {
                    slots.release();
                }
            }));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /**
     * While the instance stops, the consumer thread waits here until the running answers have
     * ended (no busy loop of refused records), then the exchange fails, so Camel leaves the record
     * uncommitted for the partition's next owner.
     */
    private void refuseIfStopping(PromptToAnswer prompt) throws InterruptedException {
        if (stopping) {
            stopped.await();
            throw new IllegalStateException("worker is stopping: prompt " + prompt.requestId()
                    + " is left to the next owner of its partition");
        }
    }

    private boolean answerWithRetries(PromptToAnswer prompt, AnswerSettings settings) {
        for (int attempt = 0; ; attempt++) {
            try {
                AnswerResult result = answering.answer(prompt, settings);
                if (result instanceof AnswerResult.Abandoned) {
                    LOG.info("answer {} abandoned: its partition moved to another worker or this one is stopping",
                            prompt.requestId());
                    // A moved partition forgets the record; a stopping instance keeps its offset uncommitted.
                    return !stopping;
                }
                // A duplicate delivery leaves the offset to the run already answering it.
                return !(result instanceof AnswerResult.AlreadyInProgress);
            } catch (AnsweringPrompt.OutcomeNotPublished e) {
                // The answer stream has ended: readers saw this text, so only its outcome is sent again.
                return publishWithRetries(e);
            } catch (java.util.concurrent.CancellationException e) {
                LOG.info("answer {} interrupted by shutdown; it will be delivered again", prompt.requestId());
                return false;
            } catch (RuntimeException e) {
                if (!retryAfter(attempt, prompt, e)) {
                    return false;
                }
            }
        }
    }

    private boolean publishWithRetries(AnsweringPrompt.OutcomeNotPublished unpublished) {
        PromptToAnswer prompt = unpublished.prompt();
        RuntimeException failure = (RuntimeException) unpublished.getCause();
        for (int attempt = 0; ; attempt++) {
            if (!retryAfter(attempt, prompt, failure)) {
                return false;
            }
            try {
                answering.publish(unpublished);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /** False when the retries are spent or the instance is stopping; the offset then stays uncommitted. */
    private boolean retryAfter(int attempt, PromptToAnswer prompt, RuntimeException failure) {
        if (attempt >= retries || stopping) {
            LOG.error("answer {} failed for a technical reason after {} tries{}; its offset stays uncommitted",
                    prompt.requestId(), attempt + 1, stopping ? " (instance stopping)" : "", failure);
            return false;
        }
        LOG.warn("answer {} failed for a technical reason, retrying: {}", prompt.requestId(), failure.toString());
        return pause();
    }

    private boolean pause() {
        try {
            Thread.sleep(retryDelay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Refuses new prompts, lets running answers finish for the grace period, then hands the rest
     * over; interrupts only what has not unwound after that.
     */
    @Override
    public void stop() {
        stopping = true;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                int handedOver = answering.abandonAll();
                LOG.warn("stopping: {} answers still running after {}; handed over to the partitions' next owners",
                        handedOver, shutdownGrace);
                if (!executor.awaitTermination(HANDOVER.toMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                    executor.awaitTermination(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            stopped.countDown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
