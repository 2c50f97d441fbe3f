package io.chatstream.worker.deadletters.application;

import java.time.Instant;

/** Port: the append-only log of operator actions (chat.audit.log). Returns once the entry is stored. */
public interface AuditLog {

    void append(Entry entry);

    /** Who did what to which target, when, with what result. */
    record Entry(String action, String actor, String target, String result, String detail, Instant occurredAt) {
    }
}
