package io.chatstream.gateway.backend.application;

/** What the query service does when it does not know the request it is asked to stream (yet). */
public enum WhenUnknown {

    /** NOT_FOUND at once: one look-up, no waiting. */
    REFUSE,

    /** Wait, up to the query service's own bound, for the request's PromptSubmitted to be projected there. */
    WAIT
}
