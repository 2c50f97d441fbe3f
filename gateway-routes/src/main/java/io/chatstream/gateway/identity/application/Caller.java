package io.chatstream.gateway.identity.application;

import io.chatstream.domain.TraceId;
import io.chatstream.domain.UserId;

/** Who is asking (from the verified token) and the trace the request belongs to. */
public record Caller(UserId user, TraceId trace) {
}
