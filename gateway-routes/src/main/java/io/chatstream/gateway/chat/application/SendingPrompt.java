package io.chatstream.gateway.chat.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.ChatCommands;
import io.chatstream.gateway.backend.application.ModelChoice;
import io.chatstream.gateway.backend.application.ModelChoices;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.identity.application.Caller;
import io.chatstream.gateway.ratelimit.application.SendRateLimits;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Use case: a signed-in person sends a prompt, into a new or an existing conversation, or as a new version of
 * a turn: a regenerate (the same prompt answered again) or an edit (another prompt in its place).
 */
public class SendingPrompt {

    private final ChatCommands commands;
    private final SendRateLimits limits;
    private final OfferedModels models;

    /** Without limits or a catalog: any model name is passed on unchecked (unit tests). */
    public SendingPrompt(ChatCommands commands) {
        this(commands, SendRateLimits.unlimited(), null);
    }

    public SendingPrompt(ChatCommands commands, SendRateLimits limits, OfferedModels models) {
        this.commands = commands;
        this.limits = limits;
        this.models = models;
    }

    /** The default model; thinking as asked. */
    public Outcome<PromptAccepted> send(Caller caller, String sessionId, String prompt, String requestId, boolean thinking) {
        return send(caller, sessionId, prompt, requestId, null, thinking);
    }

    /**
     * {@code sessionId} and {@code requestId} may be null (new session; an id is chosen for the prompt).
     * {@code model}: one of the offered models (null or blank: the default one), else 400 UNKNOWN_MODEL.
     * {@code thinking}: the person asks the model to reason before answering (where the model can); null:
     * as the model does by default.
     */
    public Outcome<PromptAccepted> send(Caller caller, String sessionId, String prompt, String requestId, String model,
            Boolean thinking) {
        return send(caller, sessionId, prompt, requestId, model, thinking, null);
    }

    /**
     * The same; with {@code versionOf} (the request id of one of the caller's prompts) the prompt is an edit: a new
     * version of that turn, after the same earlier turns. An unknown or someone else's prompt is 404 REQUEST_NOT_FOUND.
     */
    public Outcome<PromptAccepted> send(Caller caller, String sessionId, String prompt, String requestId, String model,
            Boolean thinking, String versionOf) {
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
        Optional<SessionId> chosenSession = session;
        return optionalRequestId(requestId).then(chosenRequest -> {
            if (versionOf != null && !versionOf.isEmpty()) {
                return versionOf(versionOf).then(of ->
                        newVersion(caller, chosenSession, of, prompt, chosenRequest, model, thinking));
            }
            return choose(caller, model, thinking).then(choice -> limited(caller, () ->
                    commands.submit(caller, chosenSession, prompt, chosenRequest, choice.model(), choice.thinking())));
        });
    }

    /**
     * Regenerate: the prompt {@code versionOf} (one of the caller's) is answered again, as a new version of its
     * turn that sees only the earlier turns; counted like a send. 409 SESSION_BUSY while an answer is in flight.
     */
    public Outcome<PromptAccepted> regenerate(Caller caller, String versionOf, String requestId, String model,
            Boolean thinking) {
        return versionOf(versionOf).then(of -> optionalRequestId(requestId).then(request ->
                newVersion(caller, Optional.empty(), of, "", request, model, thinking)));
    }

    private Outcome<PromptAccepted> newVersion(Caller caller, Optional<SessionId> session, RequestId of,
            String prompt, Optional<RequestId> request, String model, Boolean thinking) {
        return choose(caller, model, thinking).then(choice -> limited(caller, () ->
                commands.submitVersion(caller, session, of, prompt, request, choice.model(), choice.thinking())));
    }

    private static Outcome<RequestId> versionOf(String raw) {
        Optional<RequestId> parsed = raw == null ? Optional.empty() : RequestId.parse(raw);
        return parsed.isPresent() ? Outcome.done(parsed.get())
                : Outcome.rejected(GatewayCodes.INVALID_REQUEST_ID, "version_of is missing or malformed");
    }

    /** The request id the client chose: none when absent, 400 INVALID_REQUEST_ID when malformed. */
    private static Outcome<Optional<RequestId>> optionalRequestId(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Outcome.done(Optional.empty());
        }
        Optional<RequestId> parsed = RequestId.parse(raw);
        return parsed.isPresent() ? Outcome.done(parsed)
                : Outcome.rejected(GatewayCodes.INVALID_REQUEST_ID, "request_id is malformed");
    }

    /** Only well-formed sends count against the allowance: a typo costs the person nothing. */
    private Outcome<PromptAccepted> limited(Caller caller, Supplier<Outcome<PromptAccepted>> submit) {
        Optional<Duration> wait = limits.tryAcquire(caller.user());
        if (wait.isPresent()) {
            return new Outcome.Rejected<>(new Rejection(GatewayCodes.RATE_LIMITED,
                    "too many prompts: try again in a moment", wait.get()));
        }
        return submit.get();
    }

    /** The model (blank: the default) and thinking a prompt is sent with. */
    private record Choice(String model, boolean thinking) {
    }

    private Outcome<Choice> choose(Caller caller, String model, Boolean thinking) {
        boolean named = model != null && !model.isBlank();
        if (models == null || (!named && thinking != null)) {
            return Outcome.done(new Choice(named ? model : "", thinking != null && thinking));
        }
        Outcome<ModelChoices> offered = models.list(caller);
        if (!named) {
            // Only the default's thinking is wanted: without a catalog, the chat goes on without thinking.
            boolean byDefault = offered instanceof Outcome.Done<ModelChoices> done
                    && done.value().find("").map(ModelChoice::thinksByDefault).orElse(false);
            return Outcome.done(new Choice("", byDefault));
        }
        return offered.then(choices -> choices.find(model)
                .<Outcome<Choice>>map(m -> Outcome.done(new Choice(m.id(), thinking == null ? m.thinksByDefault() : thinking)))
                .orElseGet(() -> Outcome.rejected(GatewayCodes.UNKNOWN_MODEL,
                        "model is not one of the models offered (GET /api/chat/models)")));
    }
}
