package io.chatstream.gateway.backend.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.fakes.FakeChatServices;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.proto.v1.SubmitPromptRequest;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two instances of a service (real gRPC servers) behind one channel built as the gateway builds it. */
class LoadBalancingTest {

    private static final ChannelPolicy POLICY = new ChannelPolicy("round_robin", 3, Duration.ofMillis(100), Duration.ofSeconds(1));

    private final FakeChatServices first = FakeChatServices.start();
    private final FakeChatServices second = FakeChatServices.start();
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final Caller caller = new Caller(UserId.parse("alice").orElseThrow(), TraceId.generate());

    @AfterEach
    void close() throws Exception {
        channels.forEach(ManagedChannel::shutdownNow);
        first.stop();
        second.stop();
    }

    @Test
    @DisplayName("calls to a list of two instances go to both, in turn")
    void spreadsCalls() {
        GrpcChatCommands commands = new GrpcChatCommands(channel(bothInstances(), GrpcChatCommands.SAFE_TO_REPEAT), Duration.ofSeconds(5));
        GrpcChatQueries queries = new GrpcChatQueries(channel(bothInstances(), GrpcChatQueries.SAFE_TO_REPEAT),
                Duration.ofSeconds(5), Duration.ofMinutes(1));
        bothConnected(commands);

        int before1 = first.calls.get();
        int before2 = second.calls.get();
        for (int i = 0; i < 10; i++) {
            assertThat(submit(commands)).isInstanceOf(Outcome.Done.class);
            assertThat(queries.sessions(caller, new PageRequest("", 20))).isInstanceOf(Outcome.Done.class);
        }

        assertThat(first.calls.get() - before1).as("first instance").isEqualTo(10);
        assertThat(second.calls.get() - before2).as("second instance").isEqualTo(10);
    }

    @Test
    @DisplayName("with one instance stopped every call is answered, by the other one")
    void oneInstanceDown() throws Exception {
        GrpcChatCommands commands = new GrpcChatCommands(channel(bothInstances(), GrpcChatCommands.SAFE_TO_REPEAT), Duration.ofSeconds(5));
        bothConnected(commands);

        first.stop();
        int before = second.calls.get();
        for (int i = 0; i < 20; i++) {
            assertThat(submit(commands)).as("call %d", i).isInstanceOf(Outcome.Done.class);
        }

        assertThat(second.calls.get() - before).isEqualTo(20);
    }

    @Test
    @DisplayName("a submit in flight on an instance that stops is answered by the other: one more attempt, same request id and thinking")
    void retriedOnTheOther() throws Exception {
        GrpcChatCommands commands = new GrpcChatCommands(channel(bothInstances(), GrpcChatCommands.SAFE_TO_REPEAT), Duration.ofSeconds(5));
        bothConnected(commands);
        int submitted1 = first.command.submits.size();
        int submitted2 = second.command.submits.size();
        first.command.holdNextSubmit.set(true);
        second.command.holdNextSubmit.set(true);

        // No request id from the client: the gateway chooses one, so the repeated attempt is the same submission.
        CompletableFuture<Outcome<PromptAccepted>> call = CompletableFuture.supplyAsync(
                () -> commands.submit(caller, Optional.empty(), "hi", Optional.empty(), "", true));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.command.submits.size() > submitted1
                || second.command.submits.size() > submitted2);
        FakeChatServices holder = first.command.submits.size() > submitted1 ? first : second;
        FakeChatServices other = holder == first ? second : first;
        other.command.holdNextSubmit.set(false);
        String requestId = holder.command.lastSubmit.get().getRequestId();
        holder.stop();

        Outcome<PromptAccepted> outcome = call.get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done<PromptAccepted>) outcome).value().requestId()).isEqualTo(requestId);
        assertThat(requestId).as("chosen by the gateway").isNotBlank();
        assertThat(attempts(holder, requestId)).as("attempts on the stopped instance").isEqualTo(1);
        assertThat(attempts(other, requestId)).as("attempts on the other instance").isEqualTo(1);
        assertThat(other.command.submits).filteredOn(s -> s.getRequestId().equals(requestId))
                .extracting(SubmitPromptRequest::getThinking).as("the repeated attempt asks for thinking too").containsExactly(true);
    }

    @Test
    @DisplayName("an instance back from a long outage is used at once when the other one dies, not after its reconnect back-off")
    void backFromOutageTakesOverAtOnce() throws Exception {
        GrpcChatCommands commands = new GrpcChatCommands(channel(bothInstances(), GrpcChatCommands.SAFE_TO_REPEAT),
                Duration.ofSeconds(2));
        bothConnected(commands);
        second.stop();
        // Down for a while: grpc-java's reconnect back-off to it has grown to several seconds (1, 1.6, 2.6, 4.1 s, ...).
        for (int i = 0; i < 35; i++) {
            assertThat(submit(commands)).isInstanceOf(Outcome.Done.class);
            Thread.sleep(200);
        }
        second.startServer();
        first.stop();
        int before = second.calls.get();

        // Within the 2 s deadline although the channel's next own attempt to reach it may be seconds away.
        assertThat(submit(commands)).isInstanceOf(Outcome.Done.class);
        assertThat(second.calls.get() - before).isEqualTo(1);
    }

    @Test
    @DisplayName("a single host:port and a dns:/// target still work")
    void singleTargets() {
        String port = first.target().substring(first.target().lastIndexOf(':') + 1);
        for (String target : List.of("127.0.0.1:" + port, "localhost:" + port, "dns:///localhost:" + port)) {
            GrpcChatCommands commands = new GrpcChatCommands(channel(target, GrpcChatCommands.SAFE_TO_REPEAT), Duration.ofSeconds(5));

            assertThat(submit(commands)).as(target).isInstanceOf(Outcome.Done.class);
        }
    }

    private String bothInstances() {
        return first.target() + "," + second.target();
    }

    private ManagedChannel channel(String target, List<MethodDescriptor<?, ?>> retryable) {
        ManagedChannel channel = ServiceChannels.open(GrpcTarget.parse("chat.command.grpc-target", target),
                POLICY.serviceConfig(retryable), List.of(new CallerMetadata()));
        channels.add(channel);
        return channel;
    }

    /** Round robin picks only connected instances: wait until both have answered. */
    private void bothConnected(GrpcChatCommands commands) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            submit(commands);
            return first.calls.get() > 0 && second.calls.get() > 0;
        });
    }

    private Outcome<PromptAccepted> submit(GrpcChatCommands commands) {
        return commands.submit(caller, Optional.empty(), "hi", Optional.empty(), "", false);
    }

    private static long attempts(FakeChatServices instance, String requestId) {
        return instance.command.submits.stream().map(SubmitPromptRequest::getRequestId).filter(requestId::equals).count();
    }
}
