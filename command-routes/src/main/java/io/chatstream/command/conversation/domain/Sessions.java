package io.chatstream.command.conversation.domain;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import java.util.Optional;

/** All conversation sessions. */
public interface Sessions {

    Optional<ConversationSession> find(SessionId id);

    /** How many sessions the user keeps (any state but DELETED). */
    int countKeptBy(UserId owner);

    /**
     * Stores a new session (version 0) or the changes of one read earlier.
     *
     * @throws ConcurrentSessionChange when someone else stored the session since it was read
     */
    void save(ConversationSession session);
}
