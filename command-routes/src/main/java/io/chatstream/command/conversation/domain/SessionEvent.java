package io.chatstream.command.conversation.domain;

import io.chatstream.domain.DomainEvent;
import io.chatstream.domain.SessionId;

/** Everything a conversation session announces to the rest of the system. */
public sealed interface SessionEvent extends DomainEvent permits PromptSubmitted, PromptCancelled,
        SessionRenamed, SessionDeleted, SessionPinned, VersionSelected {

    SessionId sessionId();
}
