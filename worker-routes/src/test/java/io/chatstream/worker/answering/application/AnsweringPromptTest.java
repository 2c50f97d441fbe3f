package io.chatstream.worker.answering.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.worker.answering.domain.AnswerEvent;
import io.chatstream.worker.answering.domain.Backoff;
import io.chatstream.worker.answering.domain.ProviderError;
import io.chatstream.worker.answering.domain.ProviderResponse;
import io.chatstream.worker.answering.domain.StreamEntry;
import io.chatstream.worker.answering.domain.TaskState;
import io.chatstream.worker.answering.domain.TokenChunk;
import io.chatstream.worker.answering.domain.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnsweringPromptTest {

    private static final RequestId REQUEST = new RequestId("request-0001");
    private static final ProviderError THROTTLED = new ProviderError("Throttling.RateQuota", "slow", 429);

    private final Fakes.ScriptedProvider provider = new Fakes.ScriptedProvider();
    private final Fakes.MemoryStreams streams = new Fakes.MemoryStreams();
    private final Fakes.MemoryTasks tasks = new Fakes.MemoryTasks();
    private final Fakes.MemoryOutcomes outcomes = new Fakes.MemoryOutcomes();
    private final InflightAnswers inflight = new InflightAnswers();
    private final RecentlyCancelled cancelled = new RecentlyCancelled(100, Duration.ofMinutes(10), Clock.systemUTC());
    private final AnsweringPrompt answering = new AnsweringPrompt(provider, streams, tasks, outcomes, outcomes,
            AnswerMetrics.NONE, inflight, cancelled,
            new AnsweringPolicy(3, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                    Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5)),
            Clock.systemUTC(), () -> 0.5);

    private static PromptToAnswer prompt() {
        return new PromptToAnswer(REQUEST, new SessionId("session-0001"), new UserId("alice"), "", 2, "And now?",
                List.of(Turn.user("Hi"), Turn.assistant("Hello")), Instant.now().minusMillis(20), "{}");
    }

    private static void answer(ModelProvider.Listener l, String... pieces) {
        StringBuilder all = new StringBuilder();
        for (String piece : pieces) {
            l.onToken(piece);
            all.append(piece);
        }
        l.onComplete(new ProviderResponse(all.toString(), "stop", 5, pieces.length));
    }

    private List<StreamEntry> entries() {
        return streams.entries.get(REQUEST);
    }

    @Test
    @DisplayName("tokens are relayed in order, then done, then the outcome is published and the task marked completed")
    void happyPath() {
        provider.then((turns, l) -> answer(l, "Hel", "lo"));

        AnswerResult result = answering.answer(prompt());

        assertThat(entries()).containsExactly(new TokenChunk(1, 1, "Hel"), new TokenChunk(2, 1, "lo"),
                new StreamEntry.Done(3, 1, TaskState.COMPLETED, "stop", new io.chatstream.worker.answering.domain.Usage(5, 2)));
        assertThat(outcomes.published).singleElement().satisfies(o -> {
            assertThat(o.event().text()).isEqualTo("Hello");
            assertThat(o.timings().queueWaitMs()).isGreaterThanOrEqualTo(20);
        });
        assertThat(result).isInstanceOf(AnswerResult.Published.class);
        assertThat(tasks.snapshots.get(REQUEST).state()).isEqualTo(TaskState.COMPLETED);
        assertThat(streams.expired).containsExactly(REQUEST);
        assertThat(provider.calls.peek()).containsExactly(Turn.user("Hi"), Turn.assistant("Hello"),
                Turn.user("And now?"));
        assertThat(inflight.count()).isZero();
    }

    @Test
    @DisplayName("a retryable failure after chunks is retried behind a reset entry and the text is not duplicated")
    void retryWithReset() {
        provider.then((turns, l) -> {
            l.onToken("par");
            l.onError(THROTTLED);
        }).then((turns, l) -> answer(l, "full"));

        answering.answer(prompt());

        assertThat(entries()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TokenChunk", "Reset", "TokenChunk", "Done");
        assertThat(entries()).extracting(StreamEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(outcomes.published.get(0).event().text()).isEqualTo("full");
        assertThat(outcomes.published.get(0).event().attempts()).isEqualTo(2);
    }

    @Test
    @DisplayName("an attempt's snapshot and reset entry are written once its model call is out, before its first token")
    void attemptRecordedAfterItsCall() {
        List<String> atCalls = new java.util.ArrayList<>();
        provider.atCall = () -> atCalls.add(tasks.snapshots.get(REQUEST) + " / "
                + streams.entries.getOrDefault(REQUEST, List.of()).size() + " entries");
        provider.then((turns, l) -> {
            l.onToken("par");
            l.onError(THROTTLED);
        }).then((turns, l) -> answer(l, "full"));

        answering.answer(prompt());

        // Neither call waited for Redis: the first found no snapshot, the second the first attempt's, no reset yet.
        assertThat(atCalls).hasSize(2);
        assertThat(atCalls.get(0)).isEqualTo("null / 0 entries");
        assertThat(atCalls.get(1)).contains("STREAMING, attempt=1").endsWith(" / 1 entries");
        // Written before any token of their attempt all the same.
        assertThat(entries()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TokenChunk", "Reset", "TokenChunk", "Done");
        assertThat(entries()).extracting(StreamEntry::attempt).containsExactly(1, 2, 2, 2);
    }

    @Test
    @DisplayName("an in-stream error followed by a completion counts as the error only")
    void firstTerminalSignalWins() {
        provider.then((turns, l) -> {
            l.onToken("a");
            l.onError(new ProviderError("InvalidParameter", "no", 400));
            l.onComplete(new ProviderResponse("a", "", 0, 0));
        });

        answering.answer(prompt());

        assertThat(outcomes.published).singleElement()
                .satisfies(o -> assertThat(o.event()).isInstanceOf(AnswerEvent.AnswerFailed.class));
        assertThat(entries().get(entries().size() - 1)).isInstanceOf(StreamEntry.Error.class);
        assertThat(outcomes.parked).hasSize(1);
    }

    @Test
    @DisplayName("a moderation refusal mid-stream: the stream keeps only reset and error, nothing is stored or parked, no retry")
    void moderationMidStream() {
        provider.then((turns, l) -> {
            l.onToken("flagged ");
            l.onToken("text");
            l.onError(new ProviderError("DataInspectionFailed", "Output data may contain inappropriate content.", 400));
            l.onComplete(new ProviderResponse("flagged text", null, 0, 0));
        });

        answering.answer(prompt());

        assertThat(entries()).containsExactly(new StreamEntry.Reset(3, 1),
                new StreamEntry.Error(4, 1, "DataInspectionFailed", "Output data may contain inappropriate content."));
        assertThat(outcomes.published).singleElement().satisfies(o -> {
            assertThat(o.event()).isInstanceOf(AnswerEvent.AnswerFailed.class);
            assertThat(o.event().text()).isEmpty();
        });
        assertThat(outcomes.parked).as("not an incident for the dead-letter queue").isEmpty();
        assertThat(provider.calls).hasSize(1);
        assertThat(streams.expired).containsExactly(REQUEST);
    }

    @Test
    @DisplayName("an unpaid account is not retried, keeps its partial text and is parked for replay")
    void billingIsParked() {
        provider.then((turns, l) -> {
            l.onToken("part");
            l.onError(new ProviderError("Arrearage", "Access denied, please make sure your account is in good standing.", 400));
        });

        answering.answer(prompt());

        assertThat(entries()).hasSize(2);
        assertThat(outcomes.published).singleElement().satisfies(o -> assertThat(o.event().text()).isEqualTo("part"));
        assertThat(outcomes.parked).singleElement().satisfies(f -> assertThat(f.errorCode()).isEqualTo("Arrearage"));
        assertThat(provider.calls).hasSize(1);
    }

    @Test
    @DisplayName("a thinking model reasoning past the first-token timeout is not timed out: reasoning is a sign of life, not text")
    void thinkingKeepsTheWatchdogWaiting() {
        provider.then((turns, l) -> {
            for (int i = 0; i < 6; i++) { // 600 ms of reasoning, twice the 300 ms first-token timeout
                l.onThinking("step " + i + " ");
                sleep(100);
            }
            answer(l, "The ", "answer");
        });

        answering.answer(prompt());

        assertThat(outcomes.published).singleElement().satisfies(o -> {
            assertThat(o.event()).isInstanceOf(AnswerEvent.AnswerCompleted.class);
            assertThat(o.event().text()).isEqualTo("The answer");
        });
        assertThat(provider.calls).as("no retry").hasSize(1);
        assertThat(entries()).noneMatch(e -> e instanceof TokenChunk t && t.text().startsWith("step"));
    }

    @Test
    @DisplayName("thinking asked for reaches the model; the reasoning streams as thinking entries before the answer and "
            + "is kept apart from the text in the outcome")
    void reasoningStreamsApart() {
        provider.then((turns, l) -> {
            l.onThinking("Let me ");
            l.onThinking("think.");
            answer(l, "Yes.");
        });
        PromptToAnswer asked = prompt();
        PromptToAnswer thinking = new PromptToAnswer(asked.requestId(), asked.sessionId(), asked.userId(), "", 2,
                asked.prompt(), asked.context(), asked.submittedAt(), "{}", true);

        answering.answer(thinking);

        assertThat(provider.thinking).containsExactly(true);
        assertThat(entries()).containsExactly(new StreamEntry.Thinking(1, 1, "Let me "),
                new StreamEntry.Thinking(2, 1, "think."), new TokenChunk(3, 1, "Yes."),
                new StreamEntry.Done(4, 1, TaskState.COMPLETED, "stop", new io.chatstream.worker.answering.domain.Usage(5, 1)));
        assertThat(outcomes.published).singleElement().satisfies(o -> {
            assertThat(o.event().text()).isEqualTo("Yes.");
            assertThat(o.event().reasoning()).isEqualTo("Let me think.");
        });
    }

    @Test
    @DisplayName("a retry voids the reasoning of the failed attempt too: the outcome keeps only the last attempt's")
    void retryVoidsReasoning() {
        provider.then((turns, l) -> {
            l.onThinking("first try");
            l.onError(THROTTLED);
        }).then((turns, l) -> {
            l.onThinking("second try");
            answer(l, "ok");
        });

        answering.answer(prompt());

        assertThat(entries()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Thinking", "Reset", "Thinking", "TokenChunk", "Done");
        assertThat(outcomes.published).singleElement()
                .satisfies(o -> assertThat(o.event().reasoning()).isEqualTo("second try"));
    }

    @Test
    @DisplayName("a model still thinking after the thinking timeout fails with TIMEOUT, saying so")
    void thinkingTooLong() {
        AnsweringPrompt strict = new AnsweringPrompt(provider, streams, tasks, outcomes, outcomes, AnswerMetrics.NONE,
                inflight, cancelled, new AnsweringPolicy(1, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                        Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5), null, Duration.ofMillis(400)),
                Clock.systemUTC(), () -> 0.5);
        provider.then((turns, l) -> {
            for (int i = 0; i < 30; i++) {
                l.onThinking("hmm ");
                sleep(100);
            }
        });

        strict.answer(prompt());

        assertThat(outcomes.published).singleElement().satisfies(o ->
                assertThat(o.event()).isInstanceOfSatisfying(AnswerEvent.AnswerFailed.class, f -> {
                    assertThat(f.errorCode()).isEqualTo(ProviderError.TIMEOUT);
                    assertThat(f.errorMessage()).isEqualTo("still thinking after PT0.4S");
                }));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    @DisplayName("a provider that never answers times out, is retried, and fails with TIMEOUT after the last attempt")
    void firstTokenTimeout() {
        provider.then((turns, l) -> { });

        answering.answer(prompt());

        assertThat(provider.calls).hasSize(3);
        assertThat(provider.cancels).isEqualTo(3);
        assertThat(outcomes.parked).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo(ProviderError.TIMEOUT);
            assertThat(f.attempts()).isEqualTo(3);
        });
    }

    @Test
    @DisplayName("a stop request ends the answer as stopped with the partial text")
    void stop() throws Exception {
        provider.then((turns, l) -> l.onToken("partial"));
        StoppingAnswer stopping = new StoppingAnswer(inflight, cancelled);

        CompletableFuture<AnswerResult> running = CompletableFuture.supplyAsync(() -> answering.answer(prompt()));
        while (entries() == null) {
            Thread.sleep(5);
        }
        assertThat(stopping.stop(new StopRequest(REQUEST, Instant.now()))).isTrue();

        AnswerResult result = running.get();
        assertThat(result).isInstanceOfSatisfying(AnswerResult.Published.class, p -> {
            assertThat(p.outcome().event()).isInstanceOf(AnswerEvent.AnswerStopped.class);
            assertThat(p.outcome().event().text()).isEqualTo("partial");
        });
        assertThat(stopping.stop(new StopRequest(REQUEST, Instant.now()))).isFalse();
    }

    @Test
    @DisplayName("with coalescing, a burst of tokens becomes few entries whose joined text is the answer")
    void coalescesABurst() {
        AnsweringPrompt coalescing = new AnsweringPrompt(provider, streams, tasks, outcomes, outcomes,
                AnswerMetrics.NONE, inflight, cancelled,
                new AnsweringPolicy(3, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                        Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5),
                        new Coalescing(Duration.ofMillis(200), 1000)),
                Clock.systemUTC(), () -> 0.5);
        String[] pieces = new String[100];
        java.util.Arrays.setAll(pieces, i -> "t" + i + " ");
        provider.then((turns, l) -> answer(l, pieces));

        coalescing.answer(prompt());

        String text = String.join("", pieces);
        assertThat(entries()).hasSizeLessThan(10);
        assertThat(entries()).extracting(StreamEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, entries().size()).boxed().toList());
        assertThat(entries()).filteredOn(TokenChunk.class::isInstance).extracting(e -> ((TokenChunk) e).text())
                .first().isEqualTo("t0 ");
        assertThat(entries().stream().filter(TokenChunk.class::isInstance).map(e -> ((TokenChunk) e).text())
                .reduce("", String::concat)).isEqualTo(text);
        assertThat(entries().get(entries().size() - 1)).isInstanceOf(StreamEntry.Done.class);
        assertThat(outcomes.published.get(0).event().text()).isEqualTo(text);
    }

    @Test
    @DisplayName("with coalescing, held text is written when the window passes even if the model then goes quiet")
    void flushesAfterTheWindow() throws Exception {
        AnsweringPrompt coalescing = new AnsweringPrompt(provider, streams, tasks, outcomes, outcomes,
                AnswerMetrics.NONE, inflight, cancelled,
                new AnsweringPolicy(1, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        new Coalescing(Duration.ofMillis(30), 1000)),
                Clock.systemUTC(), () -> 0.5);
        provider.then((turns, l) -> {
            l.onToken("a");
            l.onToken("b");
            l.onToken("c");
        });
        StoppingAnswer stopping = new StoppingAnswer(inflight, cancelled);

        CompletableFuture<AnswerResult> running = CompletableFuture.supplyAsync(() -> coalescing.answer(prompt()));
        Thread.sleep(300);
        assertThat(entries()).extracting(StreamEntry::seq).containsExactly(1L, 2L);
        assertThat(entries()).extracting(e -> ((TokenChunk) e).text()).containsExactly("a", "bc");
        stopping.stop(new StopRequest(REQUEST, Instant.now()));

        assertThat(running.get().toString()).contains("AnswerStopped");
        assertThat(outcomes.published.get(0).event().text()).isEqualTo("abc");
    }

    @Test
    @DisplayName("a prompt whose cancel arrived before it started ends at once as stopped, without calling the model")
    void cancelledBeforeStart() {
        provider.then((turns, l) -> answer(l, "never"));
        assertThat(new StoppingAnswer(inflight, cancelled).stop(new StopRequest(REQUEST, Instant.now()))).isFalse();

        AnswerResult result = answering.answer(prompt());

        assertThat(provider.calls).isEmpty();
        assertThat(entries()).singleElement().isInstanceOfSatisfying(StreamEntry.Done.class, done -> {
            assertThat(done.seq()).isEqualTo(1);
            assertThat(done.status()).isEqualTo(TaskState.STOPPED);
        });
        assertThat(result).isInstanceOfSatisfying(AnswerResult.Published.class, p -> {
            assertThat(p.outcome().event()).isInstanceOf(AnswerEvent.AnswerStopped.class);
            assertThat(p.outcome().event().text()).isEmpty();
        });
        assertThat(tasks.snapshots.get(REQUEST).state()).isEqualTo(TaskState.STOPPED);
        assertThat(inflight.count()).isZero();
    }

    @Test
    @DisplayName("a cancel for a prompt an earlier worker left half-written ends it behind a reset entry")
    void cancelledBeforeResumedStart() {
        streams.append(REQUEST, new TokenChunk(1, 1, "half"), Instant.now());
        tasks.save(REQUEST, new InferenceTasks.Snapshot(TaskState.STREAMING, 1, Instant.now()));
        new StoppingAnswer(inflight, cancelled).stop(new StopRequest(REQUEST, Instant.now()));

        answering.answer(prompt());

        assertThat(provider.calls).isEmpty();
        assertThat(entries()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TokenChunk", "Reset", "Done");
        assertThat(entries()).extracting(StreamEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(outcomes.published.get(0).event().text()).isEmpty();
    }

    @Test
    @DisplayName("an open circuit breaker is retried within the attempt budget and then fails with CIRCUIT_OPEN")
    void circuitOpen() {
        provider.then((turns, l) -> l.onError(ProviderError.circuitOpen("open")));

        answering.answer(prompt());

        assertThat(provider.calls).hasSize(3);
        assertThat(outcomes.parked).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo(ProviderError.CIRCUIT_OPEN);
            assertThat(f.attempts()).isEqualTo(3);
        });
        assertThat(entries()).singleElement().isInstanceOf(StreamEntry.Error.class);
    }

    @Test
    @DisplayName("an abandoned answer ends without a terminal entry or outcome and leaves the task streaming")
    void abandoned() throws Exception {
        provider.then((turns, l) -> l.onToken("partial"));

        CompletableFuture<AnswerResult> running = CompletableFuture.supplyAsync(() -> answering.answer(prompt()));
        while (entries() == null) {
            Thread.sleep(5);
        }
        assertThat(answering.abandon(REQUEST)).isTrue();

        assertThat(running.get()).isInstanceOf(AnswerResult.Abandoned.class);
        assertThat(outcomes.published).isEmpty();
        assertThat(entries()).allMatch(TokenChunk.class::isInstance);
        assertThat(tasks.snapshots.get(REQUEST).state()).isEqualTo(TaskState.STREAMING);
        assertThat(inflight.count()).isZero();
    }

    @Test
    @DisplayName("a redelivered prompt that already ended is not answered again")
    void alreadyAnswered() {
        tasks.save(REQUEST, new InferenceTasks.Snapshot(TaskState.COMPLETED, 1, Instant.now()));

        AnswerResult result = answering.answer(prompt());

        assertThat(result).isEqualTo(new AnswerResult.AlreadyAnswered(TaskState.COMPLETED));
        assertThat(provider.calls).isEmpty();
        assertThat(outcomes.published).isEmpty();
    }

    @Test
    @DisplayName("an outcome that fails to publish after the terminal entry is sent again as it was, never answered again")
    void outcomeNotPublished() {
        provider.then((turns, l) -> answer(l, "Hello"));
        outcomes.failingPublishes = 2;

        AnsweringPrompt.OutcomeNotPublished unpublished = org.junit.jupiter.api.Assertions.assertThrows(
                AnsweringPrompt.OutcomeNotPublished.class, () -> answering.answer(prompt()));
        assertThat(tasks.snapshots.get(REQUEST).state()).isEqualTo(TaskState.STREAMING);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> answering.publish(unpublished));
        answering.publish(unpublished);

        assertThat(outcomes.published).singleElement()
                .satisfies(o -> assertThat(o.event().text()).isEqualTo("Hello"));
        assertThat(provider.calls).hasSize(1);
        assertThat(entries()).extracting(e -> e.getClass().getSimpleName()).containsExactly("TokenChunk", "Done");
        assertThat(tasks.snapshots.get(REQUEST).state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    @DisplayName("a failed answer whose dead letter fails to publish sends the dead letter again, not the outcome")
    void deadLetterSentOnceAfterRetry() {
        provider.then((turns, l) -> l.onError(new ProviderError("InvalidParameter", "no", 400)));
        Fakes.MemoryOutcomes failingDeadLetters = new Fakes.MemoryOutcomes();
        DeadLetterTopic flaky = new DeadLetterTopic() {
            private boolean failed;

            @Override
            public void publish(PromptToAnswer prompt, AnswerEvent.AnswerFailed failure) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("broker away");
                }
                failingDeadLetters.publish(prompt, failure);
            }
        };
        AnsweringPrompt withFlakyDeadLetters = new AnsweringPrompt(provider, streams, tasks, outcomes, flaky,
                AnswerMetrics.NONE, inflight, cancelled,
                new AnsweringPolicy(1, new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                        Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(5)),
                Clock.systemUTC(), () -> 0.5);

        AnsweringPrompt.OutcomeNotPublished unpublished = org.junit.jupiter.api.Assertions.assertThrows(
                AnsweringPrompt.OutcomeNotPublished.class, () -> withFlakyDeadLetters.answer(prompt()));
        withFlakyDeadLetters.publish(unpublished);

        assertThat(outcomes.published).hasSize(1);
        assertThat(failingDeadLetters.parked).hasSize(1);
        assertThat(tasks.snapshots.get(REQUEST).state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    @DisplayName("abandonAll tells every running answer to give up without a terminal entry")
    void abandonAll() throws Exception {
        provider.then((turns, l) -> l.onToken("partial"));

        CompletableFuture<AnswerResult> running = CompletableFuture.supplyAsync(() -> answering.answer(prompt()));
        while (entries() == null) {
            Thread.sleep(5);
        }

        assertThat(answering.abandonAll()).isEqualTo(1);
        assertThat(running.get()).isInstanceOf(AnswerResult.Abandoned.class);
        assertThat(entries()).allMatch(TokenChunk.class::isInstance);
        assertThat(answering.abandonAll()).isZero();
    }
}
