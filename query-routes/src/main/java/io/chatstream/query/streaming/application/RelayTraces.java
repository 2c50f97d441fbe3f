package io.chatstream.query.streaming.application;

import java.util.function.BiConsumer;

/**
 * Port: the trace of an answer's relay to its reader. The StreamAnswer call belongs to another trace than the
 * request that asked for the answer; once the stream has relayed the answer to its end, the relay is recorded in
 * the request's trace too, so the request's trace id also shows it.
 */
public interface RelayTraces {

    /**
     * Called on the StreamAnswer call's own thread as it opens (the call's trace and start time are taken there).
     * The returned callback hears, once the final chunk is out, how many chunks were sent and the answer's status;
     * it never holds up or fails the stream.
     */
    BiConsumer<Integer, String> opened(String requestId);
}
