package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.RequestAlreadyRecorded;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prompts by request id, unique like the real store's key. */
class InMemoryPrompts implements Prompts {

    private final Map<RequestId, UserPrompt> stored = new LinkedHashMap<>();

    @Override
    public Optional<UserPrompt> find(RequestId requestId) {
        return Optional.ofNullable(stored.get(requestId));
    }

    @Override
    public List<UserPrompt> latestOf(SessionId sessionId, int beforeTurn, int limit) {
        return stored.values().stream()
                .filter(p -> p.sessionId().equals(sessionId) && p.turn() < beforeTurn)
                .sorted(Comparator.comparingInt(UserPrompt::turn).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void add(UserPrompt prompt) {
        if (stored.putIfAbsent(prompt.requestId(), prompt) != null) {
            throw new RequestAlreadyRecorded("duplicate");
        }
    }

    @Override
    public void update(UserPrompt prompt) {
        stored.put(prompt.requestId(), prompt);
    }

    @Override
    public void eraseTextsOf(SessionId sessionId) {
        stored.replaceAll((id, p) -> !p.sessionId().equals(sessionId) ? p : new UserPrompt(p.requestId(), p.sessionId(),
                p.userId(), p.turn(), io.chatstream.command.conversation.domain.PromptText.restore(""), p.traceId(),
                p.acceptedAt(), p.state(), p.answerText().map(t -> "").orElse(null), p.answeredAt().orElse(null)));
    }
}
