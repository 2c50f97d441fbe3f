package io.chatstream.gateway.chat.application;

import io.chatstream.domain.RequestId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.VersionShown;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;

/** Use case: the person flips to another version of a turn ("2 / 3"); the conversation goes on from there. */
public class SelectingVersion {

    private final ChatCommands commands;

    public SelectingVersion(ChatCommands commands) {
        this.commands = commands;
    }

    public Outcome<VersionShown> select(Caller caller, String requestId) {
        Optional<RequestId> version = RequestId.parse(requestId);
        if (version.isEmpty()) {
            return Outcome.rejected(GatewayCodes.INVALID_REQUEST_ID, "request_id is missing or malformed");
        }
        return commands.selectVersion(caller, version.get());
    }
}
