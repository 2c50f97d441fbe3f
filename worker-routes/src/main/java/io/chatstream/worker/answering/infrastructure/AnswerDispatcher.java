package io.chatstream.worker.answering.infrastructure;

import io.chatstream.worker.answering.application.AnswerMetrics;
import io.chatstream.worker.answering.application.AnswerResult;
import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.application.AnsweringPrompt;
import io.chatstream.worker.answering.application.PromptToAnswer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers prompts concurrently so one long answer does not hold up its partition. The Kafka
 * consumer thread hands each prompt over and moves on; when {@code maxConcurrent} answers run,
 * it waits (back-pressure). A record's offset is committed once its outcome is published and
 * every earlier record of the partition has ended. A technical failure is retried; if it
 * persists the offset stays uncommitted, so the prompt is delivered again after a restart.
 */
public final class AnswerDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerDispatcher.class);

    private final AnsweringPrompt answering;
    private final KafkaOffsets offsets;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final int retries;
    private final Duration retryDelay;
    private final Duration shutdownGrace;
    private final AnswerMetrics metrics;

    public AnswerDispatcher(AnsweringPrompt answering, KafkaOffsets offsets, int maxConcurrent, int retries,
            Duration retryDelay, Duration shutdownGrace, AnswerMetrics metrics) {
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
        // If the partition moves away, the new owner answers: this instance gives up its answer.
        Runnable ended = offsets.begin(exchange, () -> answering.abandon(prompt.requestId()));
        // Model, retry count and timeouts the answer route set for this prompt (editable live).
        AnswerSettings settings = RouteAnswerSettings.of(exchange);
        slots.acquire();
        try {
            // The answer runs in the trace of the record that brought the prompt (its logs carry the
            // trace id, the outcome record carries the context on).
            executor.execute(Context.current().wrap(() -> {
                metrics.startedAfter(Duration.between(prompt.submittedAt(), Instant.now()));
                try {
                    if (answerWithRetries(prompt, settings)) {
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

    private boolean answerWithRetries(PromptToAnswer prompt, AnswerSettings settings) {
        for (int attempt = 0; ; attempt++) {
            try {
                AnswerResult result = answering.answer(prompt, settings);
                if (result instanceof AnswerResult.Abandoned) {
                    LOG.info("answer {} abandoned: its partition moved to another worker", prompt.requestId());
                }
                // A duplicate delivery leaves the offset to the run already answering it.
                return !(result instanceof AnswerResult.AlreadyInProgress);
            } catch (java.util.concurrent.CancellationException e) {
                LOG.info("answer {} interrupted by shutdown; it will be delivered again", prompt.requestId());
                return false;
            } catch (RuntimeException e) {
                if (attempt >= retries) {
                    LOG.error("answer {} failed for a technical reason after {} tries; its offset stays "
                            + "uncommitted", prompt.requestId(), attempt + 1, e);
                    return false;
                }
                LOG.warn("answer {} failed for a technical reason, retrying: {}", prompt.requestId(), e.toString());
                if (!pause()) {
                    return false;
                }
            }
        }
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

    /** Lets running answers finish for a grace period; the rest are interrupted and delivered again later. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
