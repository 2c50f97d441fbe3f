package io.chatstream.gateway.api.interfaces.sse;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** gRPC flow control seen from the relay: each written event is credited back, so the upstream never runs dry. */
class SseRelayCreditTest {

    private final SseWriters writers = new SseWriters(1, Duration.ofSeconds(30));

    @AfterEach
    void close() {
        writers.close();
    }

    /** A relay of this window over an upstream that hears each credit request. */
    private SseRelay relay(int window, IntConsumer requests) {
        SseRelay relay = new SseRelay(new SseEmitter(0L), writers, window);
        relay.attach(new AnswerSubscription() {
            @Override
            public void cancel() {
            }

            @Override
            public void request(int n) {
                requests.accept(n);
            }
        });
        return relay;
    }

    @Test
    @DisplayName("an upstream that sends only on credit delivers a long answer: every written event is paid back")
    void creditsNeverStallTheUpstream() throws Exception {
        int window = 64;
        int events = 1000;
        AtomicInteger credits = new AtomicInteger(window);
        List<Integer> asks = new CopyOnWriteArrayList<>();
        SseRelay relay = relay(window, n -> {
            asks.add(n);
            credits.addAndGet(n);
        });

        // The upstream: one event per credit it holds, as grpc-java delivers with auto-request off.
        int sent = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sent < events && System.nanoTime() < deadline) {
            if (credits.get() > 0) {
                credits.decrementAndGet();
                relay.event(new AnswerEvent.Token(sent + 1, "t" + sent));
                sent++;
            } else {
                Thread.onSpinWait();
            }
        }

        assertThat(sent).as("events the upstream could send on its credits").isEqualTo(events);
        while (asks.stream().mapToInt(Integer::intValue).sum() < events && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // All 1000 written, each credited once, as it was written.
        assertThat(asks.stream().mapToInt(Integer::intValue).sum()).as("credits paid back").isEqualTo(events);
        assertThat(asks).allSatisfy(n -> assertThat(n).isEqualTo(1));
    }

    @Test
    @DisplayName("with a small window too, every written event is credited at once")
    void smallWindowCreditsEachEvent() throws Exception {
        List<Integer> asks = new CopyOnWriteArrayList<>();
        SseRelay relay = relay(4, asks::add);

        for (int seq = 1; seq <= 3; seq++) {
            relay.event(new AnswerEvent.Token(seq, "t"));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (asks.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(asks).containsExactly(1, 1, 1);
    }
}
