package io.chatstream.worker.answering.application;

import io.chatstream.domain.RequestId;
import java.time.Instant;

/** A user's request to stop an answer, and when the user asked. */
public record StopRequest(RequestId requestId, Instant requestedAt) {
}
