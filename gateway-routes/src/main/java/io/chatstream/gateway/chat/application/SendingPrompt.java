package io.chatstream.gateway.chat.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Duration;
import java.util.Optional;

/** Use case: a signed-in person sends a prompt, into a new or an existing conversation. */
public class SendingPrompt {

    private final ChatCommands commands;
    private final SendRateLimits limits;

    public SendingPrompt(ChatCommands commands) {
        this(commands, SendRateLimits.unlimited());
    }

    public SendingPrompt(ChatCommands commands, SendRateLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    /**
     * {@code sessionId} and {@code requestId} may be null (new session; an id is chosen for the prompt).
     * {@code thinking}: the person asks the model to reason before answering (where the model can).
     */
    public Outcome<PromptAccepted> send(Caller caller, String sessionId, String prompt, String requestId, boolean thinking) {
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
        // Only well-formed sends count against the allowance: a typo costs the person nothing.
        Optional<Duration> wait = limits.tryAcquire(caller.user());
        if (wait.isPresent()) {
            return new Outcome.Rejected<>(new Rejection(GatewayCodes.RATE_LIMITED,
                    "too many prompts: try again in a moment", wait.get()));
        }
        return commands.submit(caller, session, prompt, request, thinking);
    }
}
