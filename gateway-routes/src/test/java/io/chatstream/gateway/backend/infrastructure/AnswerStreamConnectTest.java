package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.fakes.FakeChatServices;
import io.chatstream.gateway.fakes.FakeQueryProcess;
import io.chatstream.gateway.fakes.FakeQueryService;
import io.chatstream.gateway.identity.application.Caller;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * StreamAnswer over a real gRPC channel: it waits for a restarting query service within the deadline, no longer;
 * an instance that goes away mid-answer breaks the stream off (to be resumed), anything else rejects it.
 */
class AnswerStreamConnectTest {

    private final FakeChatServices fakes = FakeChatServices.start();
    private final ManagedChannel channel = Grpc.newChannelBuilder(fakes.target(), InsecureChannelCredentials.create())
            .intercept(new CallerMetadata()).build();
    private final Caller caller = new Caller(UserId.parse("alice").orElseThrow(), TraceId.generate());

    @AfterEach
    void close() throws Exception {
        channel.shutdownNow();
        fakes.stop();
    }

    @Test
    @DisplayName("a stream opened while the query service restarts is served once it is back, within the deadline")
    void waitsForRestart() throws Exception {
        GrpcChatQueries queries = new GrpcChatQueries(channel, Duration.ofSeconds(20), Duration.ofMinutes(5));
        fakes.stop();
        Recorder recorder = new Recorder();

        queries.follow(caller, RequestId.parse("req-restart-0001").orElseThrow(), 0, WhenUnknown.WAIT, recorder);
        Thread.sleep(500);
        fakes.startServer();

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.ended);
        assertThat(recorder.rejection.get()).isNull();
        assertThat(recorder.events).last().isInstanceOf(AnswerEvent.Done.class);
        Metadata headers = fakes.lastHeaders.get();
        assertThat(headers.get(CallerMetadata.USER_ID)).as("user identity in the metadata").isEqualTo("alice");
    }

    @Test
    @DisplayName("a query service that stays away turns the stream into DEPENDENCY_UNAVAILABLE after the deadline")
    void givesUpAfterDeadline() throws Exception {
        GrpcChatQueries queries = new GrpcChatQueries(channel, Duration.ofSeconds(1), Duration.ofMinutes(5));
        fakes.stop();
        Recorder recorder = new Recorder();

        queries.follow(caller, RequestId.parse("req-never-0001").orElseThrow(), 0, WhenUnknown.WAIT, recorder);

        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.rejection.get() != null);
        assertThat(recorder.rejection.get().code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(recorder.events).isEmpty();
    }

    @Test
    @DisplayName("a connected stream that stays quiet longer than the deadline is not cut")
    void quietStreamSurvives() throws Exception {
        GrpcChatQueries queries = new GrpcChatQueries(channel, Duration.ofSeconds(1), Duration.ofMinutes(5));
        Recorder recorder = new Recorder();

        queries.follow(caller, RequestId.parse("req-silent-0001").orElseThrow(), 0, WhenUnknown.WAIT, recorder);

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.ended || recorder.rejection.get() != null);
        assertThat(recorder.rejection.get()).isNull();
        assertThat(recorder.events).hasSize(2);
    }

    @Test
    @DisplayName("an instance shut down mid-answer (shutdownNow: its calls end CANCELLED) breaks the stream off, no rejection")
    void instanceShutDownBreaksOff() throws Exception {
        Recorder recorder = breakMidAnswer(channel, fakes::stop);

        assertThat(recorder.rejection.get()).isNull();
        assertThat(recorder.brokeOff.get().code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
    }

    @Test
    @DisplayName("an instance whose process is killed mid-answer (its calls end UNAVAILABLE) breaks the stream off too")
    void instanceKilledBreaksOff() throws Exception {
        try (FakeQueryProcess instance = FakeQueryProcess.start()) {
            ManagedChannel toProcess = Grpc.newChannelBuilder(instance.target(), InsecureChannelCredentials.create())
                    .intercept(new CallerMetadata()).build();
            try {
                Recorder recorder = breakMidAnswer(toProcess, instance::kill);

                assertThat(recorder.rejection.get()).isNull();
                assertThat(recorder.brokeOff.get().code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            } finally {
                toProcess.shutdownNow();
            }
        }
    }

    @Test
    @DisplayName("the stream's own deadline and a refusal are rejections, never breaks")
    void rejectionsAreNoBreaks() {
        GrpcChatQueries queries = new GrpcChatQueries(channel, Duration.ofSeconds(5), Duration.ofMillis(300));
        Recorder endless = new Recorder();
        Recorder unknown = new Recorder();

        queries.follow(caller, RequestId.parse("req-endless-0002").orElseThrow(), 0, WhenUnknown.WAIT, endless);
        queries.follow(caller, RequestId.parse("req-unknown-0002").orElseThrow(), 0, WhenUnknown.REFUSE, unknown);

        await().atMost(Duration.ofSeconds(20)).until(() -> endless.closed() && unknown.closed());
        assertThat(endless.rejection.get().code()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(unknown.rejection.get().code()).isEqualTo("REQUEST_NOT_FOUND");
        assertThat(endless.brokeOff.get()).isNull();
        assertThat(unknown.brokeOff.get()).isNull();
    }

    /** Follows a req-handover answer on {@code channel}; once its instance holds the stream open, ends that instance. */
    private Recorder breakMidAnswer(ManagedChannel channel, ThrowingRunnable endInstance) throws Exception {
        GrpcChatQueries queries = new GrpcChatQueries(channel, Duration.ofSeconds(5), Duration.ofMinutes(5));
        Recorder recorder = new Recorder();
        queries.follow(caller, RequestId.parse("req-handover-0001").orElseThrow(), 0, WhenUnknown.WAIT, recorder);
        await().atMost(Duration.ofSeconds(10)).until(() -> recorder.events.size() == FakeQueryService.HANDOVER_AT);

        endInstance.run();

        await().atMost(Duration.ofSeconds(20)).until(recorder::closed);
        return recorder;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static final class Recorder implements AnswerListener {
        final List<AnswerEvent> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Rejection> rejection = new AtomicReference<>();
        final AtomicReference<Rejection> brokeOff = new AtomicReference<>();
        volatile boolean ended;

        boolean closed() {
            return ended || rejection.get() != null || brokeOff.get() != null;
        }

        @Override
        public void brokeOff(Rejection r) {
            brokeOff.set(r);
        }

        @Override
        public void event(AnswerEvent event) {
            events.add(event);
        }

        @Override
        public void ended() {
            ended = true;
        }

        @Override
        public void rejected(Rejection r) {
            rejection.set(r);
        }
    }
}
