package io.chatstream.gateway.chat.application;

import io.chatstream.domain.RequestId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.StopRequested;
import io.chatstream.gateway.identity.application.Caller;
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
