package io.chatstream.worker.application;

import io.chatstream.domain.RequestId;

/** Use case: the user asked to stop an answer; only the instance producing it acts. */
public final class StoppingAnswer {

    private final InflightAnswers inflight;

    public StoppingAnswer(InflightAnswers inflight) {
        this.inflight = inflight;
    }

    /** True when this instance was answering the request and has been told to stop. */
    public boolean stop(RequestId requestId) {
        return inflight.mailbox(requestId)
                .map(mailbox -> mailbox.offer(new Signal.StopRequested()))
                .orElse(false);
    }
}
