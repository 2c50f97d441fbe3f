package io.chatstream.query.projection.application;

import io.chatstream.query.history.application.MessageViews;
import io.chatstream.query.history.application.SessionViews;
import io.chatstream.query.projection.domain.SessionTitle;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import io.chatstream.query.streaming.application.OwnershipSignals;
import io.chatstream.query.streaming.application.RequestOwnerships;

/** Use case: a submitted prompt becomes ownership, a user message, an answer placeholder and session activity. */
public class ProjectingPrompt {

    private final RequestOwnerships ownerships;
    private final MessageViews messages;
    private final SessionViews sessions;
    private final OwnershipSignals signals;
    private final SessionContents contents;

    public ProjectingPrompt(RequestOwnerships ownerships, MessageViews messages, SessionViews sessions,
            OwnershipSignals signals) {
        this.ownerships = ownerships;
        this.messages = messages;
        this.sessions = sessions;
        this.signals = signals;
        this.contents = new SessionContents(messages, ownerships);
    }

    public void project(SubmittedPrompt prompt) {
        if (sessions.isDeleted(prompt.sessionId())) {
            return; // a late prompt of a deleted session: nothing of it may reappear
        }
        ownerships.saveIfAbsent(prompt.ownership(), prompt.submittedAt());
        messages.saveSubmittedIfAbsent(prompt);
        sessions.recordActivity(prompt.sessionId(), prompt.userId(), prompt.turn(),
                SessionTitle.of(prompt.prompt()), prompt.submittedAt());
        // A new prompt is shown: it ends the branch it was sent on (unless a later change chose another).
        sessions.showBranch(prompt.sessionId(), prompt.userId(), prompt.requestId().value(), prompt.sessionVersion(),
                prompt.submittedAt());
        if (sessions.isDeleted(prompt.sessionId())) {
            contents.forget(prompt.sessionId()); // the delete committed while this prompt was written
            return;
        }
        signals.ownershipKnown(prompt.requestId());
    }
}
