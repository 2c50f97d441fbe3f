package io.chatstream.worker.deadletters.application;

/**
 * Port: who may replay a dead letter, kept where every worker instance sees it, so that a request
 * is answered by one replay at a time and never again once a replay (or anything else) answered it.
 */
public interface ReplayClaims {

    /** Atomically takes the replay of a request and marks its task as queued again (fresh attempt budget). */
    Claim claim(String requestId);

    /** The replay ended with this answer status (completed, failed, stopped); only failed may be claimed again. */
    void finish(String requestId, String status);

    /** The replay could not run; a later call may claim it again. */
    void release(String requestId);

    /** none, running, completed, failed or stopped: what replays of this request did so far. */
    String status(String requestId);

    enum Claim {
        CLAIMED("accepted"),
        IN_PROGRESS("in_progress"),
        ALREADY_REPLAYED("already_replayed"),
        ALREADY_ANSWERED("already_answered");

        private final String result;

        Claim(String result) {
            this.result = result;
        }

        /** The result code operators see. */
        public String result() {
            return result;
        }
    }
}
