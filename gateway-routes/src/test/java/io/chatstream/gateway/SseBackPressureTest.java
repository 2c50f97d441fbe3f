package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.gateway.fakes.FakeQueryService;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A browser that reads slower than the answer is produced: bounded buffering, a clean end, a gap-free resume. */
class SseBackPressureTest extends GatewayTestSupport {

    private static final Pattern ID = Pattern.compile("^id:(\\d+)$", Pattern.MULTILINE);

    @Test
    @DisplayName("a reader that stops reading holds only a bounded backlog, its stream is ended (upstream cancelled), "
            + "and it resumes with Last-Event-ID without a gap")
    void slowReaderIsCutCleanlyAndResumes() throws Exception {
        String token = devToken("slow-reader");
        FAKES.query.cancelled = new CountDownLatch(1);
        FAKES.query.floodSent.set(0);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /api/chat/stream?request_id=req-flood-0001 HTTP/1.0\r\n"
                    + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            // Not reading a byte: once the socket buffers are full the gateway must give up on this reader,
            // long before the 32 MB answer has been produced and held for it.
            assertThat(FAKES.query.cancelled.await(60, TimeUnit.SECONDS)).as("upstream call cancelled").isTrue();

            long produced = FAKES.query.floodSent.get();
            String received = readAll(socket.getInputStream());
            String body = received.substring(received.indexOf("\r\n\r\n") + 4);
            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(body).doesNotContain("event:done");
            // What an EventSource keeps: complete events only (a blank line ends one); it resumes after the last.
            String complete = body.substring(0, body.lastIndexOf("\n\n") + 2);
            long lastId = lastId(complete);
            // Everything produced but never written to the socket was held by the gateway (queue + gRPC window):
            // 256 events of queue and about 1 MB (~130 events) of HTTP/2 window, not the whole 32 MB answer.
            assertThat(produced - lastId).as("events held for a reader that does not read (produced %d)", produced)
                    .isLessThan(256 + 130 + 100);
            assertThat(produced).as("the producer was held back").isLessThan(FakeQueryService.FLOOD_TOKENS);
            assertThat(lastId).isBetween(1L, (long) FakeQueryService.FLOOD_TOKENS - 1);

            HttpResponse<String> resumed = http.send(request("/api/chat/stream?request_id=req-flood-0001", token)
                    .header("Last-Event-ID", Long.toString(lastId)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(resumed.statusCode()).isEqualTo(200);
            assertThat(FAKES.query.lastStream.get().getAfterSeq()).isEqualTo(lastId);
            Matcher ids = ID.matcher(resumed.body());
            assertThat(ids.find()).isTrue();
            assertThat(Long.parseLong(ids.group(1))).as("no gap, no repeat").isEqualTo(lastId + 1);
            assertThat(resumed.body()).contains("event:done");
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long lastId(String body) {
        Matcher m = ID.matcher(body);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }
}
