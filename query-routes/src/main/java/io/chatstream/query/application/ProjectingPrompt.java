package io.chatstream.query.application;

import io.chatstream.query.domain.SessionTitle;
import io.chatstream.query.domain.SubmittedPrompt;

/** Use case: a submitted prompt becomes ownership, a user message, an answer placeholder and session activity. */
public class ProjectingPrompt {

    private final RequestOwnerships ownerships;
    private final MessageViews messages;
    private final SessionViews sessions;
    private final OwnershipSignals signals;

    public ProjectingPrompt(RequestOwnerships ownerships, MessageViews messages, SessionViews sessions,
            OwnershipSignals signals) {
        this.ownerships = ownerships;
        this.messages = messages;
        this.sessions = sessions;
        this.signals = signals;
    }

    public void project(SubmittedPrompt prompt) {
        ownerships.saveIfAbsent(prompt.ownership(), prompt.submittedAt());
        messages.saveSubmittedIfAbsent(prompt);
        sessions.recordActivity(prompt.sessionId(), prompt.userId(), prompt.turn(),
                SessionTitle.of(prompt.prompt()), prompt.submittedAt());
        signals.ownershipKnown(prompt.requestId());
    }
}
