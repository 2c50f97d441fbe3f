package io.chatstream.gateway.infrastructure.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.application.AnswerEvent;
import io.chatstream.gateway.application.AnswerListener;
import io.chatstream.gateway.application.Caller;
import io.chatstream.gateway.application.Rejection;
import io.chatstream.gateway.application.WhenUnknown;
import io.chatstream.gateway.fakes.FakeChatServices;
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

/** StreamAnswer over a real gRPC channel: it waits for a restarting query service within the deadline, no longer. */
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

    private static final class Recorder implements AnswerListener {
        final List<AnswerEvent> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Rejection> rejection = new AtomicReference<>();
        volatile boolean ended;

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
