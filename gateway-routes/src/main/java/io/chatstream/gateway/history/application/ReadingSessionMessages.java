package io.chatstream.gateway.history.application;

import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatQueries;
import io.chatstream.gateway.backend.application.MessageEntry;
import io.chatstream.gateway.backend.application.Page;
import io.chatstream.gateway.backend.application.PageRequest;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;

/** Use case: open a conversation and read its messages in turn order. */
public class ReadingSessionMessages {

    private final ChatQueries queries;

    public ReadingSessionMessages(ChatQueries queries) {
        this.queries = queries;
    }

    public Outcome<Page<MessageEntry>> read(Caller caller, String sessionId, String cursor, Integer pageSize) {
        Optional<SessionId> session = SessionId.parse(sessionId);
        if (session.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_SESSION_ID, "session id is malformed");
        }
        return PageRequest.of(cursor, pageSize).then(page -> queries.messages(caller, session.get(), page));
    }
}
