package io.chatstream.gateway.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.util.Optional;

/** Use case: a signed-in person sends a prompt, into a new or an existing conversation. */
public class SendingPrompt {

    private final ChatCommands commands;

    public SendingPrompt(ChatCommands commands) {
        this.commands = commands;
    }

    /** {@code sessionId} and {@code requestId} may be null (new session, service-assigned id). */
    public Outcome<PromptAccepted> send(Caller caller, String sessionId, String prompt, String requestId) {
        if (prompt == null || prompt.isBlank()) {
            return Outcome.rejected(GatewayCodes.PROMPT_EMPTY, "prompt is required");
        }
        Optional<SessionId> session = Optional.empty();
        if (sessionId != null && !sessionId.isEmpty()) {
            session = SessionId.parse(sessionId);
            if (session.isEmpty()) {
                return Outcome.rejected(GatewayCodes.INVALID_SESSION_ID, "session_id is malformed");
            }
        }
        Optional<RequestId> request = Optional.empty();
        if (requestId != null && !requestId.isEmpty()) {
            request = RequestId.parse(requestId);
            if (request.isEmpty()) {
                return Outcome.rejected(GatewayCodes.INVALID_REQUEST_ID, "request_id is malformed");
            }
        }
        return commands.submit(caller, session, prompt, request);
    }
}
