package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.ConcurrentSessionChange;
import io.chatstream.command.conversation.domain.ConversationSession;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.domain.SessionId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Sessions kept as copies with an optimistic version, like the real store. */
class InMemorySessions implements Sessions {

    private final Map<SessionId, ConversationSession> stored = new HashMap<>();

    @Override
    public Optional<ConversationSession> find(SessionId id) {
        return Optional.ofNullable(stored.get(id)).map(s -> copy(s, s.version()));
    }

    @Override
    public void save(ConversationSession session) {
        ConversationSession current = stored.get(session.id());
        long currentVersion = current == null ? 0 : current.version();
        if (currentVersion != session.version()) {
            throw new ConcurrentSessionChange("stale");
        }
        stored.put(session.id(), copy(session, currentVersion + 1));
    }

    @Override
    public int countKeptBy(io.chatstream.domain.UserId owner) {
        return (int) stored.values().stream().filter(s -> s.owner().equals(owner)
                && s.state() != io.chatstream.command.conversation.domain.SessionState.DELETED).count();
    }

    int count() {
        return stored.size();
    }

    private static ConversationSession copy(ConversationSession s, long version) {
        return new ConversationSession(s.id(), s.owner(), s.state(), s.nextTurn(), s.inFlight().orElse(null),
                s.inFlightSince().orElse(null), s.title().orElse(null), s.isTitleGenerated(), s.head().orElse(null),
                s.isPinned(), version);
    }
}
