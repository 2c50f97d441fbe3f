package io.chatstream.worker.answering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InferenceTaskTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ProviderError THROTTLED = new ProviderError("Throttling.RateQuota", "slow down", 429);
    private static final ProviderError BAD_REQUEST = new ProviderError("InvalidParameter", "bad", 400);

    private final InferenceTask task = InferenceTask.queued(new RequestId("request-0001"),
            new SessionId("session-0001"), new UserId("alice"), 3);

    @Test
    @DisplayName("a streamed answer numbers its tokens from 1 and ends with a done entry")
    void happyPath() {
        assertThat(task.beginAttempt()).isEmpty();
        assertThat(task.append("Hel")).contains(new TokenChunk(1, 1, "Hel"));
        assertThat(task.append("lo")).contains(new TokenChunk(2, 1, "lo"));

        TaskDecision step = task.complete(new ProviderResponse("Hello", "stop", 12, 2), NOW);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended -> {
            assertThat(ended.terminalEntry()).isEqualTo(
                    new StreamEntry.Done(3, 1, TaskState.COMPLETED, "stop", new Usage(12, 2)));
            assertThat(ended.event()).isInstanceOfSatisfying(AnswerEvent.AnswerCompleted.class, e -> {
                assertThat(e.text()).isEqualTo("Hello");
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.turn()).isEqualTo(3);
            });
        });
        assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    @DisplayName("empty pieces are not stream entries")
    void emptyPieces() {
        task.beginAttempt();
        assertThat(task.append("")).isEmpty();
        assertThat(task.nextSeq()).isEqualTo(1);
    }

    @Test
    @DisplayName("a retry after streamed chunks starts with a reset and keeps numbering without gaps")
    void retryAfterChunks() {
        task.beginAttempt();
        task.append("partial");

        TaskDecision step = task.failAttempt(THROTTLED, NOW, 3);
        assertThat(step).isEqualTo(new TaskDecision.RetryNext(1, THROTTLED));

        assertThat(task.beginAttempt()).contains(new StreamEntry.Reset(2, 2));
        assertThat(task.append("full")).contains(new TokenChunk(3, 2, "full"));
        TaskDecision done = task.complete(new ProviderResponse("full", "stop", 1, 1), NOW);
        assertThat(((TaskDecision.Ended) done).event().text()).isEqualTo("full");
        assertThat(((TaskDecision.Ended) done).event().attempts()).isEqualTo(2);
    }

    @Test
    @DisplayName("a retry before any chunk needs no reset")
    void retryBeforeChunks() {
        task.beginAttempt();
        task.failAttempt(THROTTLED, NOW, 3);
        assertThat(task.beginAttempt()).isEmpty();
        assertThat(task.append("a")).contains(new TokenChunk(1, 2, "a"));
    }

    @Test
    @DisplayName("a non-retryable error fails the task at once with an error entry")
    void notRetryable() {
        task.beginAttempt();
        TaskDecision step = task.failAttempt(BAD_REQUEST, NOW, 3);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended -> {
            assertThat(ended.terminalEntry()).isEqualTo(new StreamEntry.Error(1, 1, "InvalidParameter", "bad"));
            assertThat(ended.event()).isInstanceOfSatisfying(AnswerEvent.AnswerFailed.class, f -> {
                assertThat(f.errorCode()).isEqualTo("InvalidParameter");
                assertThat(f.firstFailureAt()).isEqualTo(NOW);
            });
        });
        assertThat(task.state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    @DisplayName("a moderation refusal mid-answer withdraws the text: a reset before the error, and no text in the event")
    void moderationWithdraws() {
        task.beginAttempt();
        task.append("flagged ");
        task.append("words");

        TaskDecision step = task.failAttempt(
                new ProviderError("InternalError.Algo.DataInspectionFailed", "Output data may contain inappropriate content.", 400),
                NOW, 3);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended -> {
            assertThat(ended.closingEntries()).containsExactly(new StreamEntry.Reset(3, 1), new StreamEntry.Error(4, 1,
                    "InternalError.Algo.DataInspectionFailed", "Output data may contain inappropriate content."));
            assertThat(ended.withdrawsText()).isTrue();
            assertThat(ended.event()).isInstanceOfSatisfying(AnswerEvent.AnswerFailed.class, f -> {
                assertThat(f.text()).isEmpty();
                assertThat(f.failureClass()).isEqualTo(FailureClass.MODERATED);
                assertThat(f.attempts()).as("never retried").isEqualTo(1);
            });
        });
    }

    @Test
    @DisplayName("a refused prompt (moderation before any token) ends with the error alone")
    void moderationOfThePrompt() {
        task.beginAttempt();

        TaskDecision step = task.failAttempt(new ProviderError("DataInspectionFailed", "Input data", 400), NOW, 3);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended -> {
            assertThat(ended.closingEntries()).containsExactly(new StreamEntry.Error(1, 1, "DataInspectionFailed",
                    "Input data"));
            assertThat(ended.withdrawsText()).isFalse();
        });
    }

    @Test
    @DisplayName("other failures keep the partial text for the record")
    void otherFailuresKeepText() {
        task.beginAttempt();
        task.append("partial");

        TaskDecision step = task.failAttempt(new ProviderError("Arrearage", "unpaid", 400), NOW, 3);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended -> {
            assertThat(ended.closingEntries()).hasSize(1);
            assertThat(ended.event().text()).isEqualTo("partial");
        });
    }

    @Test
    @DisplayName("a retryable error fails the task once the attempts are used up")
    void attemptsExhausted() {
        task.beginAttempt();
        task.failAttempt(THROTTLED, NOW, 2);
        task.beginAttempt();
        TaskDecision step = task.failAttempt(THROTTLED, NOW.plusSeconds(1), 2);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended ->
                assertThat(ended.event()).isInstanceOfSatisfying(AnswerEvent.AnswerFailed.class, f -> {
                    assertThat(f.attempts()).isEqualTo(2);
                    assertThat(f.firstFailureAt()).isEqualTo(NOW);
                    assertThat(f.lastFailureAt()).isEqualTo(NOW.plusSeconds(1));
                }));
    }

    @Test
    @DisplayName("stopping keeps the partial text and ends as stopped")
    void stop() {
        task.beginAttempt();
        task.append("half an");

        TaskDecision step = task.stop(NOW);

        assertThat(step).isInstanceOfSatisfying(TaskDecision.Ended.class, ended -> {
            assertThat(ended.terminalEntry()).isInstanceOfSatisfying(StreamEntry.Done.class,
                    d -> assertThat(d.status()).isEqualTo(TaskState.STOPPED));
            assertThat(ended.event()).isInstanceOfSatisfying(AnswerEvent.AnswerStopped.class,
                    s -> assertThat(s.text()).isEqualTo("half an"));
        });
    }

    @Test
    @DisplayName("a finished task refuses further moves and ignores late tokens")
    void terminalIsFinal() {
        task.beginAttempt();
        task.complete(new ProviderResponse("x", "stop", 0, 0), NOW);

        assertThat(task.stop(NOW)).isInstanceOf(TaskDecision.Rejected.class);
        assertThat(task.failAttempt(THROTTLED, NOW, 3)).isInstanceOf(TaskDecision.Rejected.class);
        assertThat(task.complete(new ProviderResponse("x", "stop", 0, 0), NOW)).isInstanceOf(TaskDecision.Rejected.class);
        assertThat(task.append("late")).isEmpty();
        assertThat(task.beginAttempt()).isEmpty();
        assertThat(task.state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    @DisplayName("a queued task cannot complete")
    void queuedCannotComplete() {
        assertThat(task.complete(new ProviderResponse("x", "stop", 0, 0), NOW)).isInstanceOf(TaskDecision.Rejected.class);
    }

    @Test
    @DisplayName("a task resumed after another worker's entries starts with a reset after them")
    void resumed() {
        task.resumeAfter(7, 1);
        assertThat(task.beginAttempt()).contains(new StreamEntry.Reset(8, 2));
        assertThat(task.append("a")).contains(new TokenChunk(9, 2, "a"));
    }
}
