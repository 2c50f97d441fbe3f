package io.chatstream.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.ErrorCodes;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.RedisKeys;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.CancelPromptRequest;
import io.chatstream.proto.v1.CancelPromptResponse;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptCancelled;
import io.chatstream.proto.v1.DeleteSessionRequest;
import io.chatstream.proto.v1.DeleteSessionResponse;
import io.chatstream.proto.v1.GetPromptStatusRequest;
import io.chatstream.proto.v1.GetPromptStatusResponse;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.RenameSessionRequest;
import io.chatstream.proto.v1.RenameSessionResponse;
import io.chatstream.proto.v1.SessionChanged;
import io.chatstream.proto.v1.SubmitPromptResponse;
import io.chatstream.proto.v1.ChatCommandServiceGrpc;
import io.chatstream.support.identity.GatewayIdentityInterceptor;
import io.chatstream.support.identity.TestGateway;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The command service's contract, end to end: real infrastructure, real gRPC client, real Kafka records. */
@DisplayName("The command service")
class CommandServiceIT extends CommandItSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("publishes an accepted prompt to chat.prompt.submitted, keyed by its session")
    void publishesPromptSubmitted() {
        SubmitPromptResponse response = stub.submitPrompt(request("it-user-1", "", "Hello, 世界 😀", "it-req-0001")
                .setTraceId("0af7651916cd43dd8448eb211c80319c").build());

        assertThat(response.getRequestId()).isEqualTo("it-req-0001");
        assertThat(response.getStatus()).isEqualTo("accepted");
        assertThat(response.getTurn()).isEqualTo(1);
        assertThat(response.getSessionId()).isNotBlank();
        ConsumerRecord<String, String> record = submitted.await(r -> r.value().contains("it-req-0001"));
        assertThat(record.key()).isEqualTo(response.getSessionId());
        PromptSubmitted event = EventJson.read(record.value(), PromptSubmitted.getDefaultInstance());
        assertThat(event.getRequestId()).isEqualTo("it-req-0001");
        assertThat(event.getSessionId()).isEqualTo(response.getSessionId());
        assertThat(event.getUserId()).isEqualTo("it-user-1");
        assertThat(event.getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(event.getTurn()).isEqualTo(1);
        assertThat(event.getPrompt()).isEqualTo("Hello, 世界 😀");
        assertThat(event.getContextList()).isEmpty();
        assertThat(event.getSubmittedAt()).isEqualTo(response.getAcceptedAt());
        assertThat(event.getEventId()).isNotBlank();
    }

    @Test
    @DisplayName("reports its health and metrics over HTTP")
    void actuator() {
        stub.submitPrompt(request("it-user-8", "", "count me", "").build());

        assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getBody()).contains("jvm_memory", "chat_command_outbox_pending",
                "chat_command_submits_total{outcome=\"accepted\"");
    }

    @Test
    @DisplayName("counts a refused gRPC call under the status the caller got, not camel-grpc's INTERNAL")
    void grpcMetricsSeeTheSentStatus() {
        double notFound = submitCalls("NOT_FOUND");
        double invalid = submitCalls("INVALID_ARGUMENT");
        double internal = submitCalls("INTERNAL");

        assertError(() -> stub.submitPrompt(request("it-user-9", "no-such-session", "hi", "").build()),
                Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);
        assertError(() -> stub.submitPrompt(request("it-user-9", "", "   ", "").build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.PROMPT_EMPTY);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(submitCalls("NOT_FOUND")).isEqualTo(notFound + 1);
            assertThat(submitCalls("INVALID_ARGUMENT")).isEqualTo(invalid + 1);
        });
        assertThat(submitCalls("INTERNAL")).isEqualTo(internal);
    }

    @Test
    @DisplayName("publishes the consumer lag of its own groups, and only of its own, on /actuator/prometheus")
    void consumerLag() {
        List<String> lines = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForEntity("/actuator/prometheus",
                String.class).getBody().lines().filter(l -> l.startsWith("chat_kafka_consumer_lag{")).toList(),
                found -> found.size() == 2 && found.stream().noneMatch(l -> l.endsWith("NaN")));

        assertThat(lines).anySatisfy(l -> assertThat(l).contains("group=\"command-answers\"",
                "topic=\"chat.answer.completed\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("group=\"command-titles\"",
                "topic=\"chat.session.titles\""));
        assertThat(lines).allSatisfy(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .isGreaterThanOrEqualTo(0));
    }

    private double submitCalls(String status) {
        Timer timer = meters.find("grpc.server.processing.duration").tag("method", "SubmitPrompt")
                .tag("statusCode", status).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    @DisplayName("binds a submit's null columns without a server PREPARE round trip per statement")
    void submitPreparesNoStatement() {
        long before = serverPrepares();

        stub.submitPrompt(request("it-user-prepares", "", "a new session: its title, head and parent are null", "").build());

        assertThat(serverPrepares()).isEqualTo(before);
    }

    private long serverPrepares() {
        return jdbc.queryForObject("SHOW GLOBAL STATUS LIKE 'Com_stmt_prepare'", (rs, n) -> rs.getLong(2));
    }

    @Test
    @DisplayName("answers a repeated request id with the first response and publishes nothing new")
    void idempotentSubmit() throws InterruptedException {
        SubmitPromptResponse first = stub.submitPrompt(request("it-user-2", "", "once", "it-req-0002").build());
        SubmitPromptResponse again = stub.submitPrompt(request("it-user-2", "", "once", "it-req-0002").build());

        assertThat(again).isEqualTo(first);
        assertThat(redisTemplate.getExpire(RedisKeys.idempotency("it-req-0002"))).isPositive();
        submitted.await(r -> r.value().contains("it-req-0002"));
        Thread.sleep(2500); // longer than the relay's fallback poll
        assertThat(submitted.count(r -> r.value().contains("it-req-0002"))).isEqualTo(1);
        assertError(() -> stub.submitPrompt(request("it-user-other", "", "mine?", "it-req-0002").build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_REQUEST_ID);
    }

    @Test
    @DisplayName("refuses bad input with INVALID_ARGUMENT and the error code trailer")
    void badInput() {
        assertError(() -> stub.submitPrompt(request("it-user-3", "", "   ", "").build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.PROMPT_EMPTY);
        assertError(() -> stub.submitPrompt(request("it-user-3", "", "a\u0000b", "").build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.PROMPT_INVALID);
        assertError(() -> stub.submitPrompt(request("it-user-3", "", "x".repeat(32001), "").build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.PROMPT_TOO_LARGE);
        assertError(() -> stub.submitPrompt(request("it-user-3", "bad id", "hi", "").build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_SESSION_ID);
        assertError(() -> stub.submitPrompt(request("it-user-3", "no-such-session", "hi", "").build()),
                Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);
    }

    @Test
    @DisplayName("keeps a session busy until its answer arrives, then sends that turn as context")
    void multiTurn() {
        SubmitPromptResponse first = stub.submitPrompt(request("it-user-4", "", "What is Camel?", "it-req-0041").build());
        String session = first.getSessionId();
        submitted.await(r -> r.value().contains("it-req-0041"));

        assertError(() -> stub.submitPrompt(request("it-user-4", session, "And Kafka?", "it-req-0042").build()),
                Status.Code.FAILED_PRECONDITION, ErrorCodes.SESSION_BUSY);

        AnswerWriter.send(kafka.bootstrapServers(), session, "{not json");
        AnswerWriter.send(kafka.bootstrapServers(), session, EventJson.write(AnswerCompleted.newBuilder()
                .setEventId("evt-1").setRequestId("it-req-0041").setSessionId(session).setUserId("it-user-4")
                .setTurn(1).setStatus("completed").setText("An integration framework.").build()));

        SubmitPromptResponse second = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .until(() -> stub.submitPrompt(request("it-user-4", session, "And Kafka?", "it-req-0042").build()),
                        r -> r != null);

        assertThat(second.getTurn()).isEqualTo(2);
        assertThat(second.getSessionId()).isEqualTo(session);
        PromptSubmitted event = EventJson.read(submitted.await(r -> r.value().contains("it-req-0042")).value(),
                PromptSubmitted.getDefaultInstance());
        assertThat(event.getTurn()).isEqualTo(2);
        assertThat(event.getContextList()).containsExactly(
                ContextTurn.newBuilder().setRole("user").setContent("What is Camel?").build(),
                ContextTurn.newBuilder().setRole("assistant").setContent("An integration framework.").build());
    }

    @Test
    @DisplayName("once a user's answers today used the daily token budget, their next prompt is RESOURCE_EXHAUSTED QUOTA_EXCEEDED; others still send")
    void dailyTokenBudget() {
        SubmitPromptResponse first = stub.submitPrompt(request("it-user-quota", "", "Tell me a lot", "it-req-quota-1")
                .build());
        submitted.await(r -> r.value().contains("it-req-quota-1"));
        AnswerWriter.send(kafka.bootstrapServers(), first.getSessionId(), EventJson.write(AnswerCompleted.newBuilder()
                .setEventId("evt-quota-1").setRequestId("it-req-quota-1").setSessionId(first.getSessionId())
                .setUserId("it-user-quota").setTurn(1).setStatus("completed").setText("A lot.")
                .setUsage(io.chatstream.proto.v1.Usage.newBuilder().setInputTokens(400).setOutputTokens(700)).build()));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertError(() -> stub.submitPrompt(request("it-user-quota", "", "More", "it-req-quota-2").build()),
                        Status.Code.RESOURCE_EXHAUSTED, ErrorCodes.QUOTA_EXCEEDED));
        assertThat(stub.submitPrompt(request("it-user-quota-other", "", "hi", "it-req-quota-3").build()).getStatus())
                .isEqualTo("accepted");
        submitted.await(r -> r.value().contains("it-req-quota-3"));
        assertThat(submitted.count(r -> r.value().contains("it-req-quota-2"))).as("a refused prompt is never published")
                .isZero();
    }

    @Test
    @DisplayName("publishes a cancel for an answer in flight and refuses unknown requests")
    void cancel() {
        SubmitPromptResponse submittedPrompt = stub.submitPrompt(request("it-user-5", "", "long story", "it-req-0051").build());

        CancelPromptResponse response = stub.cancelPrompt(CancelPromptRequest.newBuilder()
                .setUserId("it-user-5").setRequestId("it-req-0051").build());

        assertThat(response.getStatus()).isEqualTo("cancelling");
        ConsumerRecord<String, String> record = cancelled.await(r -> r.value().contains("it-req-0051"));
        assertThat(record.key()).isEqualTo(submittedPrompt.getSessionId());
        assertThat(EventJson.read(record.value(), PromptCancelled.getDefaultInstance()).getUserId()).isEqualTo("it-user-5");
        assertError(() -> stub.cancelPrompt(CancelPromptRequest.newBuilder()
                        .setUserId("it-user-other").setRequestId("it-req-0051").build()),
                Status.Code.NOT_FOUND, ErrorCodes.REQUEST_NOT_FOUND);
    }

    @Test
    @DisplayName("tells the caller whether their prompt was accepted; another user's, an unknown or a deleted one looks alike")
    void promptStatus() {
        SubmitPromptResponse accepted = stub.submitPrompt(request("it-user-14", "", "was I accepted?", "it-req-0141").build());

        GetPromptStatusResponse own = stub.getPromptStatus(status("it-user-14", "it-req-0141"));
        GetPromptStatusResponse foreign = stub.getPromptStatus(status("it-user-other", "it-req-0141"));
        GetPromptStatusResponse unknown = stub.getPromptStatus(status("it-user-14", "it-req-never-sent"));

        assertThat(own.getAccepted()).isTrue();
        assertThat(own.getRequestId()).isEqualTo("it-req-0141");
        assertThat(own.getAcceptedAt()).isEqualTo(accepted.getAcceptedAt());
        // No existence leak: the same bytes as for an id that was never used, apart from the echoed id.
        assertThat(foreign).isEqualTo(GetPromptStatusResponse.newBuilder().setRequestId("it-req-0141").build());
        assertThat(unknown).isEqualTo(GetPromptStatusResponse.newBuilder().setRequestId("it-req-never-sent").build());

        stub.deleteSession(DeleteSessionRequest.newBuilder().setUserId("it-user-14")
                .setSessionId(accepted.getSessionId()).build());
        assertThat(stub.getPromptStatus(status("it-user-14", "it-req-0141")).getAccepted()).isFalse();

        assertError(() -> stub.getPromptStatus(status("it-user-14", "bad id!")),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_REQUEST_ID);
        // A malformed user id that a gateway vouched for still meets the use case's own check.
        assertError(() -> stub.getPromptStatus(status("not a user!", "it-req-0141")),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_USER_ID);
    }

    private static GetPromptStatusRequest status(String user, String requestId) {
        return GetPromptStatusRequest.newBuilder().setUserId(user).setRequestId(requestId).build();
    }

    @Test
    @DisplayName("lets exactly one of 10 different prompts racing into an idle session in; the rest are SESSION_BUSY")
    void concurrentDifferentPromptsIntoOneSession() throws Exception {
        String session = stub.submitPrompt(request("it-user-8", "", "opener", "it-req-0080").build()).getSessionId();
        submitted.await(r -> r.value().contains("it-req-0080"));
        AnswerWriter.send(kafka.bootstrapServers(), session, EventJson.write(AnswerCompleted.newBuilder()
                .setRequestId("it-req-0080").setSessionId(session).setStatus("completed").setText("ok").build()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT in_flight_request_id IS NULL FROM sessions WHERE id = ?", Boolean.class, session));

        // No lock lives in the JVM: the session row decides, so these calls race exactly as calls
        // from several command instances would.
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<String> outcomes = concurrently(10, () -> {
            String requestId = "it-req-009" + next.getAndIncrement();
            try {
                stub.submitPrompt(request("it-user-8", session, "racer " + requestId, requestId).build());
                return "accepted " + requestId;
            } catch (io.grpc.StatusRuntimeException e) {
                return ErrorCodes.codeOf(e);
            }
        });

        assertThat(outcomes).filteredOn(o -> o.startsWith("accepted")).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.startsWith("accepted")).hasSize(9)
                .allMatch(ErrorCodes.SESSION_BUSY::equals);
        String winner = outcomes.stream().filter(o -> o.startsWith("accepted")).findFirst().orElseThrow().substring(9);
        submitted.await(r -> r.value().contains(winner));
        Thread.sleep(2500); // longer than the relay's fallback poll
        assertThat(submitted.count(r -> r.value().contains("racer "))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prompts WHERE session_id = ?", Integer.class, session))
                .isEqualTo(2);
    }

    @Test
    @DisplayName("answers 20 concurrent duplicates of one request id alike: one prompt row, one record")
    void concurrentDuplicates() throws Exception {
        List<SubmitPromptResponse> fresh = concurrently(20,
                () -> stub.submitPrompt(request("it-user-7", "", "race", "it-req-0071").build()));
        assertThat(fresh).allSatisfy(r -> assertThat(r).isEqualTo(fresh.get(0)));
        String session = fresh.get(0).getSessionId();
        submitted.await(r -> r.value().contains("it-req-0071"));
        AnswerWriter.send(kafka.bootstrapServers(), session, EventJson.write(AnswerCompleted.newBuilder()
                .setRequestId("it-req-0071").setSessionId(session).setStatus("completed").setText("ok").build()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT in_flight_request_id IS NULL FROM sessions WHERE id = ?", Boolean.class, session));

        List<SubmitPromptResponse> next = concurrently(20,
                () -> stub.submitPrompt(request("it-user-7", session, "race again", "it-req-0072").build()));

        assertThat(next).allSatisfy(r -> assertThat(r).isEqualTo(next.get(0)));
        assertThat(next.get(0).getTurn()).isEqualTo(2);
        submitted.await(r -> r.value().contains("it-req-0072"));
        Thread.sleep(2500); // longer than the relay's fallback poll
        // By the request id field: the second prompt names the first as its parent.
        assertThat(submitted.count(r -> r.value().contains("\"request_id\":\"it-req-0071\""))).isEqualTo(1);
        assertThat(submitted.count(r -> r.value().contains("\"request_id\":\"it-req-0072\""))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prompts WHERE session_id = ?", Integer.class, session))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prompts WHERE request_id IN ('it-req-0071', 'it-req-0072')",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sessions WHERE user_id = 'it-user-7'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("only a gateway's call for its own user gets in: no token is UNAUTHENTICATED, another user's token"
            + " PERMISSION_DENIED, and neither writes anything")
    void onlyTheGatewayForItsUser() throws Exception {
        ManagedChannel bare = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            ChatCommandServiceGrpc.ChatCommandServiceBlockingStub unsigned = ChatCommandServiceGrpc.newBlockingStub(bare)
                    .withDeadlineAfter(10, TimeUnit.SECONDS);
            Metadata aliceToken = new Metadata();
            aliceToken.put(GatewayIdentityInterceptor.AUTHORIZATION, TestGateway.forCommand().authorization("alice"));
            ChatCommandServiceGrpc.ChatCommandServiceBlockingStub asAlice = unsigned.withInterceptors(
                    MetadataUtils.newAttachHeadersInterceptor(aliceToken));

            assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> unsigned.submitPrompt(
                    request("it-intruder", "", "let me in", "it-req-intruder-1").build())).getStatus().getCode())
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> asAlice.submitPrompt(
                    request("it-intruder", "", "as someone else", "it-req-intruder-2").build())).getStatus().getCode())
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
        } finally {
            bare.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM prompts WHERE request_id LIKE 'it-req-intruder-%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sessions WHERE user_id = 'it-intruder'", Integer.class))
                .isZero();
    }

    @Test
    @DisplayName("renames a session and publishes SessionChanged{renamed} keyed by the session")
    void rename() {
        String session = stub.submitPrompt(request("it-user-9", "", "name me", "").build()).getSessionId();

        RenameSessionResponse response = stub.renameSession(RenameSessionRequest.newBuilder()
                .setUserId("it-user-9").setSessionId(session).setTitle("  Trip to Rome 🇮🇹 ").build());

        assertThat(response.getSessionId()).isEqualTo(session);
        assertThat(response.getTitle()).isEqualTo("Trip to Rome 🇮🇹");
        ConsumerRecord<String, String> record = sessionChanged.await(r -> r.key().equals(session));
        SessionChanged event = EventJson.read(record.value(), SessionChanged.getDefaultInstance());
        assertThat(event.getChangeCase()).isEqualTo(SessionChanged.ChangeCase.RENAMED);
        assertThat(event.getRenamed().getTitle()).isEqualTo("Trip to Rome 🇮🇹");
        assertThat(event.getUserId()).isEqualTo("it-user-9");
        assertThat(event.getEventId()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT title FROM sessions WHERE id = ?", String.class, session))
                .isEqualTo("Trip to Rome 🇮🇹");
        assertError(() -> stub.renameSession(RenameSessionRequest.newBuilder()
                        .setUserId("it-user-9").setSessionId(session).setTitle("x".repeat(121)).build()),
                Status.Code.INVALID_ARGUMENT, ErrorCodes.INVALID_TITLE);
        assertError(() -> stub.renameSession(RenameSessionRequest.newBuilder()
                        .setUserId("it-user-other").setSessionId(session).setTitle("mine").build()),
                Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);
    }

    @Test
    @DisplayName("deletes a session for good: SessionChanged{deleted}, idempotent, later submits get NOT_FOUND")
    void delete() throws InterruptedException {
        String session = stub.submitPrompt(request("it-user-10", "", "forget me", "").build()).getSessionId();
        assertError(() -> stub.deleteSession(DeleteSessionRequest.newBuilder()
                        .setUserId("it-user-other").setSessionId(session).build()),
                Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);

        DeleteSessionResponse first = stub.deleteSession(DeleteSessionRequest.newBuilder()
                .setUserId("it-user-10").setSessionId(session).build());
        DeleteSessionResponse again = stub.deleteSession(DeleteSessionRequest.newBuilder()
                .setUserId("it-user-10").setSessionId(session).build());

        assertThat(first.getStatus()).isEqualTo("deleted");
        assertThat(again).isEqualTo(first);
        ConsumerRecord<String, String> record = sessionChanged.await(r -> r.key().equals(session));
        assertThat(EventJson.read(record.value(), SessionChanged.getDefaultInstance()).getChangeCase())
                .isEqualTo(SessionChanged.ChangeCase.DELETED);
        assertError(() -> stub.submitPrompt(request("it-user-10", session, "still there?", "").build()),
                Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);
        assertError(() -> stub.renameSession(RenameSessionRequest.newBuilder()
                        .setUserId("it-user-10").setSessionId(session).setTitle("back").build()),
                Status.Code.NOT_FOUND, ErrorCodes.SESSION_NOT_FOUND);
        Thread.sleep(2500); // longer than the relay's fallback poll
        assertThat(sessionChanged.count(r -> r.key().equals(session))).isEqualTo(1);
    }

    @Test
    @DisplayName("deleting a session erases its prompts' and answers' texts and its sent outbox rows; a late answer keeps no text")
    void deleteErasesTexts() {
        SubmitPromptResponse first = stub.submitPrompt(request("it-user-erase", "", "my secret plan", "it-req-erase-1").build());
        String session = first.getSessionId();
        submitted.await(r -> r.value().contains("it-req-erase-1"));
        AnswerWriter.send(kafka.bootstrapServers(), session, EventJson.write(AnswerCompleted.newBuilder()
                .setEventId("evt-erase-1").setRequestId("it-req-erase-1").setSessionId(session).setUserId("it-user-erase")
                .setTurn(1).setStatus("completed").setText("the secret answer").build()));
        SubmitPromptResponse second = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
                .until(() -> stub.submitPrompt(request("it-user-erase", session, "another secret", "it-req-erase-2")
                        .build()), r -> r != null);
        submitted.await(r -> r.value().contains("it-req-erase-2"));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE msg_key = ? AND sent_at IS NOT NULL", Integer.class, session) == 2);

        stub.deleteSession(DeleteSessionRequest.newBuilder().setUserId("it-user-erase").setSessionId(session).build());
        AnswerWriter.send(kafka.bootstrapServers(), session, EventJson.write(AnswerCompleted.newBuilder()
                .setEventId("evt-erase-2").setRequestId(second.getRequestId()).setSessionId(session)
                .setUserId("it-user-erase").setTurn(2).setStatus("completed").setText("a late secret").build()));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT status FROM prompts WHERE request_id = ?", String.class, "it-req-erase-2").equals("COMPLETED"));
        assertThat(jdbc.queryForList("SELECT text, answer_text FROM prompts WHERE session_id = ?", session))
                .hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("text")).isEqualTo("");
                    assertThat(row.get("answer_text")).isEqualTo("");
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE msg_key = ? AND sent_at IS NULL", Integer.class, session) == 0);
        assertThat(jdbc.queryForList("SELECT payload FROM outbox WHERE msg_key = ?", String.class, session))
                .as("only the delete's own row, once sent, may remain until the cleanup")
                .allSatisfy(payload -> assertThat(payload).doesNotContain("secret"));
    }

    @Test
    @DisplayName("relays an outbox row that no commit announced, by its fallback poll")
    void fallbackPoll() {
        jdbc.update("INSERT INTO outbox (topic, msg_key, payload, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
                "chat.prompt.cancelled", "poll-session-1", "{\"request_id\":\"it-req-poll-1\"}");

        ConsumerRecord<String, String> record = cancelled.await(r -> r.value().contains("it-req-poll-1"));

        assertThat(record.key()).isEqualTo("poll-session-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL", Integer.class) == 0);
    }
}
