package io.chatstream.query.projection.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.history.domain.MessageCursor;
import io.chatstream.query.history.domain.PromptNode;
import io.chatstream.query.history.domain.MessageCursor.Role;
import io.chatstream.query.history.domain.MessageView;
import io.chatstream.query.history.domain.SessionCursor;
import io.chatstream.query.history.domain.SessionView;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import io.chatstream.query.streaming.application.OwnershipSignals;
import io.chatstream.query.streaming.application.RequestOwnerships;
import io.chatstream.query.streaming.domain.RequestOwnership;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory fakes of the read-model ports, with the same conditional-write semantics as the JDBC ones. */
public final class InMemoryReadModels implements RequestOwnerships, MessageViews, SessionViews, OwnershipSignals {

    final Map<RequestId, RequestOwnership> ownerships = new HashMap<>();
    final Map<String, MessageView> messages = new HashMap<>();
    final Map<String, SessionId> sessionOf = new HashMap<>();
    final Map<SessionId, SessionView> sessions = new HashMap<>();
    final Map<SessionId, Integer> titleTurns = new HashMap<>();
    final Map<SessionId, Instant> userTitledAt = new HashMap<>();
    final Map<SessionId, List<PromptNode>> prompts = new HashMap<>();
    final Map<SessionId, String> heads = new HashMap<>();
    final Map<SessionId, Long> headVersions = new HashMap<>();
    final Map<SessionId, Instant> pinChangedAt = new HashMap<>();
    // Sessions whose title the model suggested (it yields to the owner's rename).
    final java.util.Set<SessionId> generatedTitles = new java.util.HashSet<>();
    final List<RequestId> signalled = new ArrayList<>();

    @Override
    public void saveIfAbsent(RequestOwnership o, Instant at) {
        ownerships.putIfAbsent(o.requestId(), o);
    }

    @Override
    public Optional<RequestOwnership> find(RequestId requestId) {
        return Optional.ofNullable(ownerships.get(requestId));
    }

    @Override
    public void saveSubmittedIfAbsent(SubmittedPrompt p) {
        if (!messages.containsKey(p.requestId().value() + "/user")) {
            prompts.computeIfAbsent(p.sessionId(), s -> new ArrayList<>())
                    .add(new PromptNode(p.requestId().value(), p.parent(), p.turn()));
        }
        put(p.requestId(), p.sessionId(), new MessageView(p.requestId().value(), Role.USER, p.turn(), p.prompt(), "",
                "submitted", "", "", "", 0, 0, p.submittedAt()), true);
        put(p.requestId(), p.sessionId(), new MessageView(p.requestId().value(), Role.ASSISTANT, p.turn(), "", "",
                AnswerStatus.QUEUED, "", "", "", 0, 0, p.submittedAt()), true);
    }

    @Override
    public Optional<String> answerStatus(RequestId requestId) {
        return answer(requestId).map(MessageView::status);
    }

    @Override
    public boolean replaceAnswer(FinishedAnswer a, String expectedStatus) {
        if (!answerStatus(a.requestId()).equals(Optional.ofNullable(expectedStatus))) {
            return false;
        }
        FinalAnswer o = a.finalAnswer();
        put(a.requestId(), a.sessionId(), new MessageView(a.requestId().value(), Role.ASSISTANT, a.turn(), o.text(),
                o.reasoning(), o.status(), o.finishReason(), o.errorCode(), o.errorMessage(), o.inputTokens(),
                o.outputTokens(), a.completedAt()), false);
        return true;
    }

    @Override
    public Optional<MessageView> answer(RequestId requestId) {
        return Optional.ofNullable(messages.get(requestId.value() + "/assistant"));
    }

    /** Every message of the session, in turn and role order (whatever branch). */
    public List<MessageView> messagesOf(SessionId sessionId) {
        return messages.entrySet().stream()
                .filter(e -> sessionOf.get(e.getKey()).equals(sessionId))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparingInt(MessageView::turn).thenComparing(m -> m.role().rank()))
                .toList();
    }

    @Override
    public List<PromptNode> promptsOf(SessionId sessionId) {
        return List.copyOf(prompts.getOrDefault(sessionId, List.of()));
    }

    @Override
    public List<MessageView> ofPrompts(SessionId sessionId, Collection<String> requestIds) {
        return messages.entrySet().stream()
                .filter(e -> sessionOf.get(e.getKey()).equals(sessionId))
                .map(Map.Entry::getValue)
                .filter(m -> requestIds.contains(m.requestId()))
                .toList();
    }

    @Override
    public void showBranch(SessionId id, UserId user, String head, long version, Instant at) {
        if (isDeleted(id)) {
            return;
        }
        if (!sessions.containsKey(id)) {
            sessions.put(id, new SessionView(id, user, "", at, at, 0, false));
            titleTurns.put(id, Integer.MAX_VALUE);
        }
        if (version >= headVersions.getOrDefault(id, 0L)) {
            heads.put(id, head);
            headVersions.put(id, version);
        }
    }

    @Override
    public Optional<String> shownHead(SessionId sessionId) {
        return Optional.ofNullable(heads.get(sessionId));
    }

    @Override
    public void recordActivity(SessionId id, UserId user, int turn, String title, Instant at) {
        SessionView s = sessions.get(id);
        int titleTurn = title == null ? Integer.MAX_VALUE : turn;
        int count = (int) sessionOf.values().stream().filter(id::equals).count();
        if (s == null) {
            sessions.put(id, new SessionView(id, user, title == null ? "" : title, at, at, count, false));
            titleTurns.put(id, titleTurn);
            return;
        }
        boolean retitle = titleTurn < titleTurns.get(id) && !userTitledAt.containsKey(id);
        titleTurns.put(id, Math.min(titleTurn, titleTurns.get(id)));
        sessions.put(id, new SessionView(id, s.userId(), retitle ? title : s.title(),
                at.isBefore(s.createdAt()) ? at : s.createdAt(), at.isAfter(s.updatedAt()) ? at : s.updatedAt(),
                count, s.deleted(), s.pinned()));
    }

    @Override
    public Optional<SessionView> find(SessionId sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public List<SessionView> page(UserId userId, SessionCursor after, int limit) {
        return sessions.values().stream().filter(s -> s.visibleTo(userId))
                .filter(s -> after == null || s.isAfter(after))
                .sorted(SessionView.LIST_ORDER).limit(limit).toList();
    }

    @Override
    public boolean isDeleted(SessionId sessionId) {
        return find(sessionId).map(SessionView::deleted).orElse(false);
    }

    @Override
    public void rename(SessionId id, UserId user, String title, Instant at) {
        SessionView s = sessions.get(id);
        if (s == null) {
            sessions.put(id, new SessionView(id, user, title, at, at, 0, false));
            titleTurns.put(id, Integer.MAX_VALUE);
            userTitledAt.put(id, at);
            return;
        }
        // A suggested title always yields to the owner's.
        Instant earlier = generatedTitles.contains(id) ? null : userTitledAt.get(id);
        if (s.deleted()) {
            return;
        }
        Instant updated = at.isAfter(s.updatedAt()) ? at : s.updatedAt();
        String kept = earlier != null && earlier.isAfter(at) ? s.title() : title;
        if (kept.equals(title)) {
            userTitledAt.put(id, at);
            generatedTitles.remove(id);
        }
        sessions.put(id, new SessionView(id, s.userId(), kept, s.createdAt(), updated, s.messageCount(), false,
                s.pinned()));
    }

    @Override
    public void suggestTitle(SessionId id, UserId user, String title, Instant at) {
        SessionView s = sessions.get(id);
        boolean ownersTitle = userTitledAt.containsKey(id) && !generatedTitles.contains(id);
        Instant earlier = userTitledAt.get(id);
        if ((s != null && s.deleted()) || ownersTitle || (earlier != null && earlier.isAfter(at))) {
            return;
        }
        rename(id, user, title, at);
        generatedTitles.add(id);
    }

    @Override
    public void pin(SessionId id, UserId user, boolean pinned, Instant at) {
        SessionView s = sessions.get(id);
        Instant changed = pinChangedAt.get(id);
        if ((s != null && s.deleted()) || (changed != null && changed.isAfter(at))) {
            return;
        }
        if (s == null) {
            sessions.put(id, new SessionView(id, user, "", at, at, 0, false, pinned));
            titleTurns.put(id, Integer.MAX_VALUE);
        } else {
            sessions.put(id, new SessionView(id, s.userId(), s.title(), s.createdAt(), s.updatedAt(),
                    s.messageCount(), false, pinned));
        }
        pinChangedAt.put(id, at);
    }

    @Override
    public void markDeleted(SessionId id, UserId user, Instant at) {
        SessionView s = sessions.get(id);
        sessions.put(id, s == null ? new SessionView(id, user, "", at, at, 0, true)
                : new SessionView(id, s.userId(), "", s.createdAt(), s.updatedAt(), 0, true));
        titleTurns.putIfAbsent(id, Integer.MAX_VALUE);
    }

    @Override
    public void deleteSession(SessionId sessionId) {
        prompts.remove(sessionId);
        ownerships.values().removeIf(o -> o.sessionId().equals(sessionId));
        sessionOf.entrySet().removeIf(e -> {
            boolean ofSession = e.getValue().equals(sessionId);
            if (ofSession) {
                messages.remove(e.getKey());
            }
            return ofSession;
        });
    }

    @Override
    public void ownershipKnown(RequestId requestId) {
        signalled.add(requestId);
    }

    private void put(RequestId r, SessionId s, MessageView m, boolean onlyIfAbsent) {
        String key = r.value() + "/" + m.role().wire();
        if (onlyIfAbsent && messages.containsKey(key)) {
            return;
        }
        messages.put(key, m);
        sessionOf.put(key, s);
    }
}
