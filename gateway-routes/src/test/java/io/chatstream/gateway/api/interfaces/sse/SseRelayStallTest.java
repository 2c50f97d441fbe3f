package io.chatstream.gateway.api.interfaces.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The stall rule of one relay: a reader is cut only when events really waited the whole stall timeout. */
class SseRelayStallTest {

    private static final Duration STALL = Duration.ofMillis(1500);

    /** One writer thread, which the test can keep busy to stand for a browser that does not read. */
    private final SseWriters writers = new SseWriters(1, STALL);
    private final CountDownLatch writerFree = new CountDownLatch(1);
    private final AtomicBoolean cancelled = new AtomicBoolean();

    @AfterEach
    void release() {
        writerFree.countDown();
        writers.close();
    }

    private SseRelay relay() {
        SseRelay relay = new SseRelay(new SseEmitter(0L), writers, 16);
        relay.attach(new AnswerSubscription() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }
        });
        return relay;
    }

    private void occupyWriter() {
        writers.execute(() -> {
            try {
                writerFree.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    @DisplayName("events that wait the whole stall timeout end the stream and cancel the upstream")
    void realStallEndsTheStream() throws Exception {
        SseRelay relay = relay();
        occupyWriter();

        relay.event(new AnswerEvent.Heartbeat(0));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cancelled.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(cancelled).as("upstream cancelled after a real stall").isTrue();
    }

    @Test
    @DisplayName("a check that runs late, just after a new event started waiting, is not a stall")
    void lateCheckRightAfterAHeartbeatIsNotAStall() throws Exception {
        SseRelay relay = relay();
        // Keeps the (single) check thread busy from just before the relay's check is due until 400 ms
        // after it, like a loaded machine: that check then runs about 1.9 s after the written event.
        writers.afterStallTimeout(() -> sleep(400));
        relay.event(new AnswerEvent.Heartbeat(0)); // written at once; arms a check one stall timeout later

        Thread.sleep(STALL.toMillis() + 200);
        occupyWriter();
        relay.event(new AnswerEvent.Heartbeat(0)); // waits ~200 ms for the busy writer when the late check runs
        Thread.sleep(600);

        assertThat(cancelled).as("cut although the waiting event had waited far less than the stall timeout")
                .isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
