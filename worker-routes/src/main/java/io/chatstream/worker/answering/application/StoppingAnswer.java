package io.chatstream.worker.answering.application;


/**
 * Use case: the user asked to stop an answer. The instance producing it stops it now; every
 * instance also remembers the id, in case the prompt only starts later (queued or not yet
 * consumed), so it then ends at once as stopped.
 */
public final class StoppingAnswer {

    private final InflightAnswers inflight;
    private final RecentlyCancelled cancelled;

    public StoppingAnswer(InflightAnswers inflight, RecentlyCancelled cancelled) {
        this.inflight = inflight;
        this.cancelled = cancelled;
    }

    /** True when this instance was answering the request and has been told to stop. */
    public boolean stop(StopRequest request) {
        cancelled.remember(request.requestId(), request.requestedAt());
        return inflight.mailbox(request.requestId())
                .map(mailbox -> mailbox.offer(new MailboxMessage.StopRequested()))
                .orElse(false);
    }
}
