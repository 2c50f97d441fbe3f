package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;
import io.chatstream.gateway.identity.application.Caller;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The verified caller: the token's subject, plus the trace this request runs in: the current span's
 * (the HTTP server span, which already continued an incoming W3C {@code traceparent}), else the
 * incoming {@code traceparent}'s, else a new one. The events then carry the real W3C trace id.
 */
public final class Callers {

    private Callers() {
    }

    /** Empty when nobody is signed in or the token's subject is not a well-formed user id. */
    public static Optional<Caller> current(String traceparent) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return UserId.parse(auth.getName()).map(user -> new Caller(user, traceOf(traceparent)));
    }

    /** W3C traceparent is {@code version-traceid-parentid-flags}; anything unreadable starts a new trace. */
    static TraceId traceOf(String traceparent) {
        SpanContext current = Span.current().getSpanContext();
        if (current.isValid()) {
            return new TraceId(current.getTraceId());
        }
        if (traceparent != null) {
            String[] parts = traceparent.trim().split("-");
            if (parts.length >= 4 && parts[0].length() == 2 && !"ff".equals(parts[0])) {
                return TraceId.parseOrGenerate(parts[1]);
            }
        }
        return TraceId.generate();
    }
}
