package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.gateway.fakes.FakeChatServices;
import io.chatstream.gateway.fakes.FakeQueryService;
import io.chatstream.proto.v1.StreamAnswerRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 16: the gateway in front of two query instances (real gRPC servers), one of which dies mid-answer. */
class QueryInstanceDiesTest extends GatewayTestSupport {

    private static final FakeChatServices FIRST = FakeChatServices.start();
    private static final FakeChatServices SECOND = FakeChatServices.start();
    private static final int MAX_ATTEMPTS = 2;

    @DynamicPropertySource
    static void twoQueryInstances(DynamicPropertyRegistry registry) {
        registry.add("test.query.grpc-target", () -> FIRST.target() + "," + SECOND.target());
        registry.add("chat.sse.resume.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("chat.sse.resume.initial-backoff", () -> "10ms");
        registry.add("chat.sse.resume.max-backoff", () -> "20ms");
    }

    @AfterAll
    static void stopInstances() throws InterruptedException {
        FIRST.stop();
        SECOND.stop();
    }

    @Autowired
    MeterRegistry meters;

    @Test
    @DisplayName("the answer reaches the browser whole: every seq once and in order, no error event, done at the end")
    void answerOutlivesItsInstance() throws Exception {
        String token = devToken("alice");
        bothInstancesConnected(token);
        String id = "req-handover-" + System.nanoTime();
        double resumedBefore = resumes("resumed");

        HttpResponse<InputStream> r = http.send(request("/api/chat/stream?request_id=" + id, token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        List<String> read = new ArrayList<>();
        readUntil(lines, read, "id:" + FakeQueryService.HANDOVER_AT);
        FakeChatServices holder = streamsOf(FIRST, id).isEmpty() ? SECOND : FIRST;
        FakeChatServices other = holder == FIRST ? SECOND : FIRST;
        holder.stop();
        readUntil(lines, read, null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ids(read)).containsExactlyElementsOf(LongStream.rangeClosed(1, FakeQueryService.HANDOVER_TOKENS + 1).boxed().toList());
        assertThat(read).filteredOn(l -> l.startsWith("event:")).doesNotContain("event:error").last().isEqualTo("event:done");
        assertThat(streamsOf(other, id)).extracting(StreamAnswerRequest::getAfterSeq).containsExactly((long) FakeQueryService.HANDOVER_AT);
        assertThat(resumes("resumed") - resumedBefore).isEqualTo(1);
    }

    @Test
    @DisplayName("when every call breaks off, the browser gets the error DEPENDENCY_UNAVAILABLE once the budget is used up")
    void budgetUsedUp() throws Exception {
        String token = devToken("alice");
        String id = "req-crumbling-" + System.nanoTime();
        double gaveUpBefore = resumes("gave_up");

        HttpResponse<String> r = get("/api/chat/stream?request_id=" + id, token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("id:1\nevent:token\n").contains("id:2\nevent:token\n")
                .endsWith("event:error\ndata:{\"seq\":null,\"code\":\"DEPENDENCY_UNAVAILABLE\","
                        + "\"message\":\"query service is unavailable, try again shortly\"}\n\n");
        List<StreamAnswerRequest> calls = new ArrayList<>(streamsOf(FIRST, id));
        calls.addAll(streamsOf(SECOND, id));
        assertThat(calls).extracting(StreamAnswerRequest::getAfterSeq).containsExactlyInAnyOrder(0L, 2L, 2L);
        assertThat(resumes("gave_up") - gaveUpBefore).isEqualTo(1);
    }

    /** Round robin picks only connected instances: history reads until each instance has answered one. */
    private void bothInstancesConnected(String token) {
        int first = FIRST.calls.get();
        int second = SECOND.calls.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/chat/sessions", token).statusCode() == 200
                && FIRST.calls.get() > first && SECOND.calls.get() > second);
    }

    private double resumes(String outcome) {
        return meters.counter("chat.gateway.sse.resumes", "outcome", outcome).count();
    }

    /** Reads SSE lines into {@code read} up to and including {@code last} (null: to the end of the response). */
    private static void readUntil(BufferedReader lines, List<String> read, String last) throws Exception {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            read.add(line);
            if (line.equals(last)) {
                return;
            }
        }
        assertThat(last).as("the response ended before " + last).isNull();
    }

    private static List<Long> ids(List<String> read) {
        return read.stream().filter(l -> l.startsWith("id:")).map(l -> Long.parseLong(l.substring(3))).toList();
    }

    private static List<StreamAnswerRequest> streamsOf(FakeChatServices instance, String requestId) {
        return instance.query.streams.stream().filter(s -> s.getRequestId().equals(requestId)).toList();
    }
}
