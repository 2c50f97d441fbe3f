package io.chatstream.domain;

import java.time.Instant;

/** Something that happened in a domain model; past tense, immutable, framework-free. */
public interface DomainEvent {

    Instant occurredAt();
}
