package io.chatstream.worker.answering.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.application.AnswerMetrics;
import io.chatstream.worker.answering.application.AnswerResult;
import io.chatstream.worker.answering.application.AnsweringPrompt;
import io.chatstream.worker.answering.application.PromptToAnswer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The dispatcher's retries and its graceful stop, with the use case and the offsets as test doubles. */
class AnswerDispatcherTest {

    private final AnsweringPrompt answering = mock(AnsweringPrompt.class);
    private final KafkaOffsets offsets = mock(KafkaOffsets.class);
    private final Exchange exchange = mock(Exchange.class);
    private final AtomicInteger done = new AtomicInteger();

    AnswerDispatcherTest() {
        when(offsets.begin(eq(exchange), any())).thenReturn(done::incrementAndGet);
    }

    private AnswerDispatcher dispatcher(Duration grace) {
        AnswerDispatcher dispatcher = new AnswerDispatcher(answering, offsets, 4, 2, Duration.ofMillis(1), grace,
                AnswerMetrics.NONE, message -> AnswerSettings.DEFAULTS);
        dispatcher.start();
        return dispatcher;
    }

    private static PromptToAnswer prompt(String id) {
        return new PromptToAnswer(new RequestId(id), new SessionId("session-0001"), new UserId("alice"), "", 1, "Hi",
                List.of(), Instant.now(), "{}");
    }

    @Test
    @DisplayName("an outcome that failed to publish is published again, the answer itself runs once")
    void republishesWithoutAnsweringAgain() throws Exception {
        PromptToAnswer prompt = prompt("request-0001");
        AnsweringPrompt.OutcomeNotPublished unpublished = unpublished(prompt);
        when(answering.answer(eq(prompt), any())).thenThrow(unpublished);
        doThrow(new IllegalStateException("broker away")).doNothing().when(answering).publish(unpublished);
        AnswerDispatcher dispatcher = dispatcher(Duration.ofSeconds(5));

        dispatcher.dispatch(prompt, exchange);
        for (int i = 0; i < 500 && done.get() == 0; i++) {
            Thread.sleep(10);
        }
        dispatcher.stop();

        assertThat(done).hasValue(1);
        verify(answering, times(1)).answer(eq(prompt), any());
        verify(answering, times(2)).publish(unpublished);
    }

    @Test
    @DisplayName("stop lets running answers finish and publish, then refuses new prompts without committing them")
    void stopDrainsThenRefuses() throws Exception {
        PromptToAnswer running = prompt("request-0001");
        CountDownLatch answering1 = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(answering.answer(eq(running), any())).thenAnswer(call -> {
            answering1.countDown();
            release.await();
            return new AnswerResult.AlreadyAnswered(null);
        });
        AnswerDispatcher dispatcher = dispatcher(Duration.ofSeconds(10));
        dispatcher.dispatch(running, exchange);
        assertThat(answering1.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(dispatcher::stop);
        // A prompt arriving while the instance stops waits for the stop, then fails its exchange.
        CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(100);
                dispatcher.dispatch(prompt("request-0002"), exchange);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(300);
        assertThat(stopping).isNotDone();
        assertThat(refused).isNotDone();
        release.countDown();

        stopping.get(5, TimeUnit.SECONDS);
        assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("request-0002");
        assertThat(done).as("only the answered prompt's record is done").hasValue(1);
        assertThat(dispatcher.isRunning()).isFalse();
        verify(answering, times(0)).abandonAll();
    }

    @Test
    @DisplayName("answers still running after the grace are handed over: abandoned, their records left uncommitted")
    void handsOverAfterGrace() throws Exception {
        PromptToAnswer slow = prompt("request-0001");
        CountDownLatch abandoned = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        when(answering.answer(eq(slow), any())).thenAnswer(call -> {
            started.countDown();
            abandoned.await();
            return new AnswerResult.Abandoned();
        });
        doAnswer(call -> {
            abandoned.countDown();
            return 1;
        }).when(answering).abandonAll();
        AnswerDispatcher dispatcher = dispatcher(Duration.ofMillis(200));
        dispatcher.dispatch(slow, exchange);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        dispatcher.stop();

        verify(answering).abandonAll();
        verify(answering, times(1)).answer(eq(slow), any());
        assertThat(done).as("the abandoned record stays in progress, so it is never committed").hasValue(0);
    }

    @Test
    @DisplayName("a technical failure while the instance stops is not retried")
    void noRetryWhileStopping() throws Exception {
        PromptToAnswer prompt = prompt("request-0001");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        when(answering.answer(eq(prompt), any())).thenAnswer(call -> {
            started.countDown();
            fail.await();
            throw new IllegalStateException("redis away");
        });
        AnswerDispatcher dispatcher = dispatcher(Duration.ofSeconds(10));
        dispatcher.dispatch(prompt, exchange);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(dispatcher::stop);
        Thread.sleep(100);
        fail.countDown();
        stopping.get(5, TimeUnit.SECONDS);

        verify(answering, times(1)).answer(eq(prompt), any());
        assertThat(done).hasValue(0);
        assertThrows(IllegalStateException.class, () -> dispatcher.dispatch(prompt("request-0003"), exchange));
    }

    /** The use case's exception as it throws it (its constructor is the use case's own). */
    private static AnsweringPrompt.OutcomeNotPublished unpublished(PromptToAnswer prompt) {
        AnsweringPrompt.OutcomeNotPublished e = mock(AnsweringPrompt.OutcomeNotPublished.class);
        when(e.prompt()).thenReturn(prompt);
        when(e.getCause()).thenReturn(new IllegalStateException("broker away"));
        return e;
    }
}
