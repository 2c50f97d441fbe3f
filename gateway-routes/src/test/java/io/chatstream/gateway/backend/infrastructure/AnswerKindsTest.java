package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.AnswerEvent;
import io.chatstream.gateway.backend.application.AnswerListener;
import io.chatstream.gateway.backend.application.TokenUsage;
import io.chatstream.gateway.backend.application.WhenUnknown;
import io.chatstream.gateway.fakes.FakeChatServices;
import io.chatstream.gateway.fakes.FakeQueryService;
import io.chatstream.gateway.identity.application.Caller;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kinds of a StreamAnswer call's chunks as the gateway reads them, over a real gRPC channel. */
class AnswerKindsTest {

    private final FakeChatServices fakes = FakeChatServices.start();
    private final ManagedChannel channel = Grpc.newChannelBuilder(fakes.target(), InsecureChannelCredentials.create())
            .intercept(new CallerMetadata()).build();
    private final GrpcChatQueries queries = new GrpcChatQueries(channel, Duration.ofSeconds(5), Duration.ofMinutes(1));
    private final Caller caller = new Caller(UserId.parse("alice").orElseThrow(), TraceId.generate());

    @AfterEach
    void close() throws Exception {
        channel.shutdownNow();
        fakes.stop();
    }

    @Test
    @DisplayName("a thinking chunk is a piece of reasoning with its own seq, never a token of the answer")
    void thinkingIsReasoning() {
        Reader reader = new Reader(0);

        queries.follow(caller, RequestId.parse("req-thinking-0001").orElseThrow(), 0, WhenUnknown.WAIT, reader);

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.ended);
        assertThat(reader.events).containsExactly(new AnswerEvent.Thinking(1, "Hm, "), new AnswerEvent.Reset(2, 2),
                new AnswerEvent.Thinking(3, "The user greets: 你好."), new AnswerEvent.Thinking(4, " Answer <b>kindly</b>.\n"),
                new AnswerEvent.Token(5, "Hello"), new AnswerEvent.Done(6, "completed", "stop", new TokenUsage(9, 4)));
    }

    @Test
    @DisplayName("chunks of a kind this gateway does not know are skipped and do not use up the reader's window")
    void unknownKindsCostNoRoom() {
        // Room for two events and never more: the token and done after the unknown chunks must still fit.
        Reader reader = new Reader(2);

        queries.follow(caller, RequestId.parse("req-newer-kinds-0001").orElseThrow(), 0, WhenUnknown.WAIT, reader);

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.ended || reader.rejection.get() != null);
        assertThat(reader.rejection.get()).isNull();
        long token = FakeQueryService.NEWER_KINDS + 1;
        assertThat(reader.events).containsExactly(new AnswerEvent.Token(token, "after"),
                new AnswerEvent.Done(token + 1, "completed", "", new TokenUsage(0, 0)));
    }

    /** A reader that asks for nothing beyond its window. */
    private static final class Reader implements AnswerListener {
        final List<AnswerEvent> events = new CopyOnWriteArrayList<>();
        final AtomicReference<Rejection> rejection = new AtomicReference<>();
        final int window;
        volatile boolean ended;

        Reader(int window) {
            this.window = window;
        }

        @Override
        public int window() {
            return window;
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
