package io.chatstream.command.conversation.interfaces;

import io.chatstream.command.conversation.application.ApplyingSuggestedTitle;
import io.chatstream.command.conversation.application.SuggestedTitle;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.proto.v1.SessionTitleSuggested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one {@code chat.session.titles} payload and applies the suggested title. A payload that breaks
 * the contract throws {@link UnreadableEventException}, logged and skipped by {@code command-consumer-errors}.
 */
@Component("sessionTitleListener")
public class SessionTitleListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionTitleListener.class);

    private final ApplyingSuggestedTitle applying;

    public SessionTitleListener(ApplyingSuggestedTitle applying) {
        this.applying = applying;
    }

    public void onSuggestion(String payload) {
        SuggestedTitle suggestion = read(payload);
        ApplyingSuggestedTitle.Result result = applying.apply(suggestion);
        LOG.info("title suggested for session {}: {}", suggestion.sessionId(), result);
    }

    static SuggestedTitle read(String payload) {
        SessionTitleSuggested event = EventJson.read(payload, SessionTitleSuggested.getDefaultInstance());
        if (event.getSessionId().isBlank()) {
            throw new UnreadableEventException("SessionTitleSuggested without a session_id");
        }
        return new SuggestedTitle(event.getSessionId(), event.getUserId(), event.getTraceId(), event.getTitle());
    }
}
