package io.chatstream.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.simulator.EmitStamp;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Follows one answer stream line by line (no thread of its own: java.net.http calls it) and keeps what
 * the figures need: when the first token arrived, and for every token the simulator's emit time
 * ({@code [sim:stamp]}) and the receive time, in wall-clock microseconds of this machine.
 */
final class StreamProbe implements Flow.Subscriber<String> {

    /** Which wire the stream speaks: the gateway's SSE, or DashScope's (the direct baseline). */
    enum Wire { GATEWAY, DASHSCOPE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Wire wire;
    private final SseParser parser = new SseParser(this::event);
    private final CompletableFuture<Void> firstEvent = new CompletableFuture<>();
    private final CompletableFuture<StreamProbe> finished = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private long startMicros;
    private long firstTokenMicros = -1;
    private long firstEmitMicros = -1;
    private long[] emitToReceive = new long[32];
    private long[] receivedAt = new long[32];
    private int tokens;
    private int stamped;
    private int heartbeats;
    private volatile String terminal;
    private volatile String failure;

    StreamProbe(Wire wire, long startMicros) {
        this.wire = wire;
        this.startMicros = startMicros;
    }

    static long nowMicros() {
        return EmitStamp.micros(Instant.now());
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        parser.line(line, nowMicros());
    }

    @Override
    public void onError(Throwable t) {
        fail("transport: " + t.getClass().getSimpleName());
    }

    @Override
    public void onComplete() {
        if (terminal == null) {
            fail("closed before the end of the answer");
        }
        finished.complete(this);
    }

    /** Closes the connection (ends an idle stream on purpose). */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        if (terminal == null) {
            terminal = "cancelled";
        }
        finished.complete(this);
    }

    void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        firstEvent.complete(null);
        finished.complete(this);
    }

    private void event(SseEvent e) {
        firstEvent.complete(null);
        if (e.comment()) {
            heartbeats++;
            return;
        }
        try {
            switch (wire) {
                case GATEWAY -> gatewayEvent(e);
                case DASHSCOPE -> dashscopeEvent(e);
            }
        } catch (IOException ex) {
            fail("unreadable event data");
        }
    }

    private void gatewayEvent(SseEvent e) throws IOException {
        switch (e.name()) {
            case "token" -> token(JSON.readTree(e.data()).path("text").asText(), e.receivedMicros());
            case "done" -> terminal = "done";
            case "error" -> {
                terminal = "error";
                fail("error event " + JSON.readTree(e.data()).path("code").asText());
            }
            default -> {
                // reset: a retried attempt; the token count tells whether anything was lost
            }
        }
    }

    private void dashscopeEvent(SseEvent e) throws IOException {
        if ("error".equals(e.name())) {
            terminal = "error";
            fail("error event");
            return;
        }
        JsonNode choice = JSON.readTree(e.data()).path("output").path("choices").path(0);
        String content = choice.path("message").path("content").asText();
        if (!content.isEmpty()) {
            token(content, e.receivedMicros());
        }
        if ("stop".equals(choice.path("finish_reason").asText())) {
            terminal = "done";
        }
    }

    /**
     * One event's text. With {@code [sim:stamp]} every model delta carries its emit time, so the deltas are
     * counted by their stamps: the worker may merge deltas that come close together into one entry.
     */
    private void token(String text, long receivedMicros) {
        if (firstTokenMicros < 0) {
            firstTokenMicros = receivedMicros;
        }
        long[] stamps = EmitStamp.all(text);
        if (stamps.length == 0) {
            received(receivedMicros);
            return;
        }
        if (firstEmitMicros < 0) {
            firstEmitMicros = stamps[0];
        }
        for (long emitted : stamps) {
            if (stamped == emitToReceive.length) {
                emitToReceive = Arrays.copyOf(emitToReceive, stamped * 2);
            }
            emitToReceive[stamped++] = receivedMicros - emitted;
            received(receivedMicros);
        }
    }

    private void received(long receivedMicros) {
        if (tokens == receivedAt.length) {
            receivedAt = Arrays.copyOf(receivedAt, tokens * 2);
        }
        receivedAt[tokens++] = receivedMicros;
    }

    /** Tokens received in {@code [fromMicros, toMicros)}: the steady-state window of a load phase. */
    int tokensBetween(long fromMicros, long toMicros) {
        int n = 0;
        for (int i = 0; i < tokens; i++) {
            if (receivedAt[i] >= fromMicros && receivedAt[i] < toMicros) {
                n++;
            }
        }
        return n;
    }

    void restart(long micros) {
        startMicros = micros;
    }

    CompletableFuture<Void> firstEvent() {
        return firstEvent;
    }

    CompletableFuture<StreamProbe> finished() {
        return finished;
    }

    /** True when the answer ended with done and every expected model delta arrived. */
    boolean succeeded(int expectedTokens) {
        return failure == null && "done".equals(terminal) && tokens == expectedTokens;
    }

    /** Why it did not succeed, for the error table. */
    String problem(int expectedTokens) {
        if (failure != null) {
            return failure;
        }
        if (!"done".equals(terminal)) {
            return "no done event";
        }
        return tokens == expectedTokens ? null : "expected " + expectedTokens + " tokens, got " + tokens;
    }

    long startMicros() {
        return startMicros;
    }

    long firstTokenMicros() {
        return firstTokenMicros;
    }

    long firstEmitMicros() {
        return firstEmitMicros;
    }

    int tokens() {
        return tokens;
    }

    int heartbeats() {
        return heartbeats;
    }

    /** Emit → receive of each stamped token, microseconds. */
    long[] emitToReceive() {
        return Arrays.copyOf(emitToReceive, stamped);
    }
}
