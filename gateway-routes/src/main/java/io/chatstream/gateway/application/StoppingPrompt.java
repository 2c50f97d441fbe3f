package io.chatstream.gateway.application;

import io.chatstream.domain.RequestId;
import java.util.Optional;

/** Use case: the person presses Stop while an answer is being generated. */
public class StoppingPrompt {

    private final ChatCommands commands;

    public StoppingPrompt(ChatCommands commands) {
        this.commands = commands;
    }

    public Outcome<StopRequested> stop(Caller caller, String requestId) {
        Optional<RequestId> request = RequestId.parse(requestId);
        if (request.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_REQUEST_ID, "request_id is missing or malformed");
        }
        return commands.cancel(caller, request.get());
    }
}
