package io.chatstream.gateway.interfaces.sse;

import io.chatstream.gateway.application.AnswerEvent;
import io.chatstream.gateway.application.AnswerListener;
import io.chatstream.gateway.application.AnswerSubscription;
import io.chatstream.gateway.application.Rejection;
import io.chatstream.gateway.interfaces.http.ApiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Writes one followed answer as Server-Sent Events: {@code id:} = seq, {@code event:} = kind, JSON data;
 * heartbeats become comment lines. When the browser goes away the answer's gRPC stream is cancelled.
 */
final class SseRelay implements AnswerListener {

    /** Explicit, so the converter never falls back to ISO-8859-1 for model text. */
    private static final MediaType UTF8_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final SseEmitter emitter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean started;
    private volatile AnswerSubscription subscription;

    SseRelay(SseEmitter emitter) {
        this.emitter = emitter;
        emitter.onCompletion(this::readerGone);
        emitter.onTimeout(this::readerGone);
        emitter.onError(e -> readerGone());
    }

    void attach(AnswerSubscription subscription) {
        this.subscription = subscription;
        if (closed.get()) {
            subscription.cancel();
        }
    }

    @Override
    public void event(AnswerEvent event) {
        send(event instanceof AnswerEvent.Heartbeat
                ? SseEmitter.event().comment(" ping")
                : SseEmitter.event().id(Long.toString(event.seq())).name(name(event)).data(ApiJson.write(data(event)), UTF8_TEXT));
        if (event.isFinal()) {
            finish();
        }
    }

    @Override
    public void ended() {
        finish();
    }

    @Override
    public void rejected(Rejection rejection) {
        if (!started && closed.compareAndSet(false, true)) {
            // Nothing sent yet: the response can still become a plain JSON error with its HTTP status.
            emitter.completeWithError(new StreamRejected(rejection));
            return;
        }
        send(SseEmitter.event().name("error").data(ApiJson.write(ApiJson.fields(
                "seq", null, "code", rejection.code(), "message", rejection.message())), UTF8_TEXT));
        finish();
    }

    private void send(SseEmitter.SseEventBuilder event) {
        if (closed.get()) {
            return;
        }
        try {
            started = true;
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser has gone: stop the upstream stream instead of generating into the void.
            readerGone();
        }
    }

    private void finish() {
        if (closed.compareAndSet(false, true)) {
            emitter.complete();
        }
    }

    private void readerGone() {
        closed.set(true);
        AnswerSubscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private static String name(AnswerEvent event) {
        if (event instanceof AnswerEvent.Token) {
            return "token";
        } else if (event instanceof AnswerEvent.Reset) {
            return "reset";
        } else if (event instanceof AnswerEvent.Done) {
            return "done";
        }
        return "error";
    }

    private static Object data(AnswerEvent event) {
        if (event instanceof AnswerEvent.Token t) {
            return ApiJson.fields("seq", t.seq(), "text", t.text());
        } else if (event instanceof AnswerEvent.Reset r) {
            return ApiJson.fields("seq", r.seq(), "attempt", r.attempt());
        } else if (event instanceof AnswerEvent.Done d) {
            return ApiJson.fields("seq", d.seq(), "status", d.status(), "finish_reason", d.finishReason(),
                    "usage", ApiJson.usage(d.usage()));
        }
        AnswerEvent.Failed f = (AnswerEvent.Failed) event;
        return ApiJson.fields("seq", f.seq(), "code", f.code(), "message", f.message());
    }
}
