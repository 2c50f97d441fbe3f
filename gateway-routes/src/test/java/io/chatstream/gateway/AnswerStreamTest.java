package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.proto.v1.StreamAnswerRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SSE adapter over real HTTP, fed by the fake query service's gRPC stream. */
class AnswerStreamTest extends GatewayTestSupport {

    @Test
    @DisplayName("events arrive in order as id/event/data lines, heartbeats as comments, and the stream ends after done")
    void streamsAnswer() throws Exception {
        String token = devToken("alice");
        HttpResponse<String> r = get("/api/chat/stream?request_id=req-stream-0001", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
        assertThat(r.headers().firstValue("Cache-Control")).get().asString().contains("no-cache");
        assertThat(r.headers().firstValue("X-Accel-Buffering")).hasValue("no");
        assertThat(r.body()).isEqualTo("""
                : ping

                id:1
                event:token
                data:{"seq":1,"text":"Hel"}

                id:2
                event:reset
                data:{"seq":2,"attempt":2}

                id:3
                event:token
                data:{"seq":3,"text":"Hello"}

                id:4
                event:token
                data:{"seq":4,"text":", <b>wörld</b> 你好\\n"}

                id:5
                event:done
                data:{"seq":5,"status":"completed","finish_reason":"stop","usage":{"input_tokens":7,"output_tokens":3}}

                """);
        assertThat(FAKES.query.lastStream.get().getUserId()).isEqualTo("alice");
        assertThat(FAKES.query.lastStream.get().getAfterSeq()).isZero();
        assertThat(FAKES.query.lastStream.get().getTraceId()).matches("[0-9a-f]{32}");
    }

    @Test
    @DisplayName("reasoning arrives as thinking events in seq order among the others, each with its id")
    void streamsThinking() throws Exception {
        String token = devToken("alice");
        HttpResponse<String> r = get("/api/chat/stream?request_id=req-thinking-0001", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("""
                id:1
                event:thinking
                data:{"seq":1,"text":"Hm, "}

                id:2
                event:reset
                data:{"seq":2,"attempt":2}

                id:3
                event:thinking
                data:{"seq":3,"text":"The user greets: 你好."}

                id:4
                event:thinking
                data:{"seq":4,"text":" Answer <b>kindly</b>.\\n"}

                id:5
                event:token
                data:{"seq":5,"text":"Hello"}

                id:6
                event:done
                data:{"seq":6,"status":"completed","finish_reason":"stop","usage":{"input_tokens":9,"output_tokens":4}}

                """);
    }

    @Test
    @DisplayName("Last-Event-ID of a thinking event resumes after it: the rest of the reasoning, then the answer")
    void resumesAfterThinking() throws Exception {
        String token = devToken("alice");
        HttpResponse<String> r = http.send(request("/api/chat/stream?request_id=req-thinking-0002", token)
                .header("Last-Event-ID", "3").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(FAKES.query.lastStream.get().getAfterSeq()).isEqualTo(3);
        assertThat(r.body()).startsWith("id:4\nevent:thinking\ndata:{\"seq\":4,")
                .contains("id:5\nevent:token\n", "id:6\nevent:done\n").doesNotContain("id:3\n", "Hm, ");
    }

    @Test
    @DisplayName("Last-Event-ID (header or query parameter) resumes after that seq")
    void resumes() throws Exception {
        String token = devToken("alice");
        HttpResponse<String> viaHeader = http.send(request("/api/chat/stream?request_id=req-stream-0001", token)
                .header("Last-Event-ID", "3").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(FAKES.query.lastStream.get().getAfterSeq()).isEqualTo(3);
        assertThat(viaHeader.body()).startsWith(": ping\n\nid:4\nevent:token\n");

        HttpResponse<String> viaParam = get("/api/chat/stream?request_id=req-stream-0001&last_event_id=2", token);
        assertThat(viaParam.statusCode()).isEqualTo(200);
        assertThat(FAKES.query.lastStream.get().getAfterSeq()).isEqualTo(2);
    }

    @Test
    @DisplayName("an unknown or foreign request is a JSON 404, a malformed one a 400")
    void refusesUnknownRequests() throws Exception {
        String token = devToken("alice");
        assertThat(errorCode(get("/api/chat/stream?request_id=req-unknown-0001", token), 404)).isEqualTo("REQUEST_NOT_FOUND");
        assertThat(errorCode(get("/api/chat/stream?request_id=no", token), 400)).isEqualTo("INVALID_REQUEST_ID");
        assertThat(errorCode(get("/api/chat/stream", token), 400)).isEqualTo("INVALID_REQUEST_ID");
        assertThat(errorCode(get("/api/chat/stream?request_id=req-stream-0001&last_event_id=x", token), 400))
                .isEqualTo("INVALID_LAST_EVENT_ID");
    }

    @Test
    @DisplayName("an unknown request asks query once without its wait and command once, then 404s at once")
    void unknownRequestIsRefusedWithoutWaiting() throws Exception {
        String token = devToken("alice");
        String id = "req-unknown-" + System.nanoTime();

        long started = System.nanoTime();
        HttpResponse<String> r = get("/api/chat/stream?request_id=" + id, token);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(errorCode(r, 404)).isEqualTo("REQUEST_NOT_FOUND");
        assertThat(millis).isLessThan(1_000);
        assertThat(streamsOf(id)).extracting(StreamAnswerRequest::getSkipOwnershipWait).containsExactly(true);
        assertThat(FAKES.command.lastStatus.get().getRequestId()).isEqualTo(id);
        assertThat(FAKES.command.lastStatus.get().getUserId()).isEqualTo("alice");
    }

    @Test
    @DisplayName("a just-accepted request the query service does not know yet is opened again with the wait, and streams")
    void justAcceptedRequestStreams() throws Exception {
        String token = devToken("alice");
        String id = "req-late-" + System.nanoTime();

        HttpResponse<String> r = get("/api/chat/stream?request_id=" + id + "&last_event_id=3", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith(": ping\n\nid:4\nevent:token\n").contains("event:done");
        assertThat(streamsOf(id)).extracting(StreamAnswerRequest::getSkipOwnershipWait).containsExactly(true, false);
        assertThat(streamsOf(id)).extracting(StreamAnswerRequest::getAfterSeq).containsExactly(3L, 3L);
    }

    @Test
    @DisplayName("when the command service cannot say, the stream waits at the query service as before: no false 404")
    void commandUnavailableFallsBackToWaiting() throws Exception {
        String token = devToken("alice");
        String id = "req-late-down-" + System.nanoTime();

        HttpResponse<String> r = get("/api/chat/stream?request_id=" + id, token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("event:done");
        assertThat(streamsOf(id)).extracting(StreamAnswerRequest::getSkipOwnershipWait).containsExactly(true, false);
    }

    private static List<StreamAnswerRequest> streamsOf(String requestId) {
        return FAKES.query.streams.stream().filter(s -> s.getRequestId().equals(requestId)).toList();
    }

    @Test
    @DisplayName("when the reader disconnects, the gRPC stream is cancelled")
    void cancelsOnDisconnect() throws Exception {
        String token = devToken("alice");
        FAKES.query.cancelled = new CountDownLatch(1);
        HttpResponse<InputStream> r = http.send(request("/api/chat/stream?request_id=req-endless-0001", token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
        assertThat(List.of(lines.readLine(), lines.readLine(), lines.readLine()))
                .containsExactly("id:1", "event:token", "data:{\"seq\":1,\"text\":\"still \"}");
        r.body().close();

        assertThat(FAKES.query.cancelled.await(10, TimeUnit.SECONDS)).as("gRPC call cancelled").isTrue();
    }
}
