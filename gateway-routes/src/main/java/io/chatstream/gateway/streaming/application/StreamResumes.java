package io.chatstream.gateway.streaming.application;

import io.chatstream.domain.RequestId;
import java.time.Duration;

/** Port: what ops learn of answer streams followed again after a break (a counter and a log line). */
public interface StreamResumes {

    /** The stream of {@code request} broke off and is opened again after {@code afterSeq} in {@code pause}. */
    void resuming(RequestId request, long afterSeq, int attempt, Duration pause);

    /** The stream of {@code request} broke off once more than the budget allows: its reader gets the error. */
    void gaveUp(RequestId request, long afterSeq, int attempts);
}
