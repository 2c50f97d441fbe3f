package io.chatstream.command.conversation.domain;

import io.chatstream.domain.SessionId;
import java.util.Optional;

/** All conversation sessions. */
public interface Sessions {

    Optional<ConversationSession> find(SessionId id);

    /**
     * Stores a new session (version 0) or the changes of one read earlier.
     *
     * @throws ConcurrentSessionChange when someone else stored the session since it was read
     */
    void save(ConversationSession session);
}
