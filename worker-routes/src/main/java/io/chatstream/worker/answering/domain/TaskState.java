package io.chatstream.worker.answering.domain;

import java.util.Locale;

/** Lifecycle of an inference task: QUEUED -> STREAMING -> COMPLETED | FAILED | STOPPED. */
public enum TaskState {
    QUEUED, STREAMING, COMPLETED, FAILED, STOPPED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    /** A queued task may be stopped before it streams; nothing leaves a terminal state. */
    public boolean canMoveTo(TaskState next) {
        return switch (this) {
            case QUEUED -> next == STREAMING || next == STOPPED;
            case STREAMING -> next == STREAMING || next.isTerminal();
            case COMPLETED, FAILED, STOPPED -> false;
        };
    }

    /** The lower-case name used on the wire (completed, failed, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskState fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
