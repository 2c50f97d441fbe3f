package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.RequestAlreadyRecorded;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.util.ArrayList;
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
    public List<UserPrompt> branchEndingAt(RequestId last, int limit) {
        List<UserPrompt> branch = new ArrayList<>();
        Optional<UserPrompt> at = find(last);
        while (at.isPresent() && branch.size() < limit) {
            branch.add(at.get());
            at = at.get().parent().flatMap(this::find);
        }
        return branch;
    }

    @Override
    public Optional<UserPrompt> newestAfter(RequestId first) {
        // Stored in arrival order, like the real store's auto-increment id.
        UserPrompt newest = null;
        for (UserPrompt p : stored.values()) {
            if (continues(p, first)) {
                newest = p;
            }
        }
        return Optional.ofNullable(newest);
    }

    private boolean continues(UserPrompt p, RequestId first) {
        Optional<RequestId> up = p.parent();
        while (up.isPresent()) {
            if (up.get().equals(first)) {
                return true;
            }
            up = find(up.get()).flatMap(UserPrompt::parent);
        }
        return false;
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
                p.userId(), p.turn(), p.parent().orElse(null), io.chatstream.command.conversation.domain.PromptText.restore(""), p.traceId(),
                p.acceptedAt(), p.state(), p.answerText().map(t -> "").orElse(null), p.answeredAt().orElse(null)));
    }
}
