package io.chatstream.gateway.api.interfaces.sse;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.api.interfaces.http.ApiJson;
import io.chatstream.gateway.api.interfaces.http.Callers;
import io.chatstream.gateway.api.interfaces.http.ErrorStatusTable;
import io.chatstream.gateway.backend.application.AnswerSubscription;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.gateway.streaming.application.StreamingAnswer;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/chat/stream}: a plain Spring MVC adapter, because platform-http would hold a thread
 * per stream (see README). The async gRPC stream feeds the emitter; no thread waits per reader.
 */
@RestController
public class AnswerStreamController {

    private final StreamingAnswer streaming;
    private final long timeoutMillis;
    private final SseWriters writers;
    private final int maxQueuedEvents;
    private final StreamLimits limits;
    private final MeterRegistry meters;

    public AnswerStreamController(StreamingAnswer streaming, StreamBounds bounds, SseWriters writers,
            StreamLimits limits, ObjectProvider<MeterRegistry> meters) {
        this.streaming = streaming;
        this.limits = limits;
        this.meters = meters.getIfAvailable();
        this.timeoutMillis = bounds.maxDuration().isNegative() ? 0 : bounds.maxDuration().toMillis();
        this.writers = writers;
        this.maxQueuedEvents = bounds.maxQueuedEvents();
    }

    @GetMapping("/api/chat/stream")
    public SseEmitter stream(
            @RequestParam(name = "request_id", required = false) String requestId,
            @RequestParam(name = "last_event_id", required = false) String lastEventIdParam,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestHeader(name = "traceparent", required = false) String traceparent,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Caller> caller = Callers.current(traceparent);
        if (caller.isEmpty()) {
            writeError(response, new Rejection(GatewayCodes.UNAUTHENTICATED, "sign in first: a valid token is required"));
            return null;
        }
        // The client's address as the front door saw it (X-Forwarded-For through server.forward-headers-strategy).
        StreamLimits.Attempt place = limits.tryOpen(caller.get().user().value(), request.getRemoteAddr());
        if (!place.opened()) {
            tooMany(response, place.refusal());
            return null;
        }
        // The browser's own reconnect sends the header; a page that reconnects by hand uses the parameter.
        String lastEventId = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventIdParam;
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        SseRelay relay = new SseRelay(emitter, writers, maxQueuedEvents, place.close());
        Outcome<AnswerSubscription> started = streaming.follow(caller.get(), requestId, lastEventId, relay);
        if (started instanceof Outcome.Rejected<AnswerSubscription> rejected) {
            place.close().run();
            writeError(response, rejected.rejection());
            return null;
        }
        relay.attach(((Outcome.Done<AnswerSubscription>) started).value());
        response.setHeader("Cache-Control", "no-cache, no-store");
        // Tells nginx not to buffer: tokens must reach the browser as they come.
        response.setHeader("X-Accel-Buffering", "no");
        return emitter;
    }

    /** The stream was refused before its first event (unknown request, service down): a plain JSON error. */
    @ExceptionHandler(StreamRejected.class)
    public ResponseEntity<String> rejected(StreamRejected e) {
        return ResponseEntity.status(ErrorStatusTable.statusOf(e.rejection().code()))
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .body(ApiJson.error(e.rejection()));
    }

    private void tooMany(HttpServletResponse response, StreamLimits.Refusal refusal) throws IOException {
        if (meters != null) {
            meters.counter("chat.gateway.sse.refused", "limit",
                    refusal == StreamLimits.Refusal.PER_USER ? "user" : "address").increment();
        }
        writeError(response, new Rejection(GatewayCodes.TOO_MANY_STREAMS, refusal == StreamLimits.Refusal.PER_USER
                ? "too many answers are open for you at once: close a tab or wait for one to end"
                : "too many answers are open from your network at once: try again when one has ended"));
    }

    private static void writeError(HttpServletResponse response, Rejection rejection) throws IOException {
        response.setStatus(ErrorStatusTable.statusOf(rejection.code()));
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ApiJson.error(rejection));
    }
}
