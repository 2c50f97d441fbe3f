package io.chatstream.worker.deadletters.application;

/** Port: runs replays in the background, bounded in number waiting and paced in rate. */
public interface ReplayQueue {

    /** False when too many replays are waiting already; the job was not taken. */
    boolean submit(Runnable replay);
}
