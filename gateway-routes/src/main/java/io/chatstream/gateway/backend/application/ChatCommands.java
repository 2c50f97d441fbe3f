package io.chatstream.gateway.backend.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Port to the command service (ConversationCommandContext). */
public interface ChatCommands {

    /**
     * {@code model}: an offered model, blank for the default one; {@code thinking}: ask the model to reason
     * before it answers (its reasoning streams apart from the answer).
     */
    Outcome<PromptAccepted> submit(Caller caller, Optional<SessionId> session, String prompt, Optional<RequestId> request,
            String model, boolean thinking);

    /**
     * A new version of the turn of the caller's prompt {@code versionOf}: a regenerate ({@code prompt} blank: the
     * same text) or an edit (another text). The session shows it from then on. {@code session}, when given, must be
     * the prompt's (else REQUEST_NOT_FOUND).
     */
    Outcome<PromptAccepted> submitVersion(Caller caller, Optional<SessionId> session, RequestId versionOf, String prompt,
            Optional<RequestId> request, String model, boolean thinking);

    /** Shows another version of a turn: the session continues on the branch through {@code version}. */
    Outcome<VersionShown> selectVersion(Caller caller, RequestId version);

    Outcome<StopRequested> cancel(Caller caller, RequestId request);

    Outcome<SessionRenamed> rename(Caller caller, SessionId session, String title);

    /** Pins ({@code pinned}) or unpins the session; done, with the flag, also when it already was so. */
    Outcome<SessionPinned> pin(Caller caller, SessionId session, boolean pinned);

    /** Done (with the session id) also when it was already deleted. */
    Outcome<SessionId> delete(Caller caller, SessionId session);

    /**
     * Whether the caller's prompt {@code request} was accepted. Asynchronous, because it is asked from a
     * stream's callback, where no thread may wait; the stage never fails: a failed call is a rejection.
     */
    CompletionStage<Outcome<PromptStatus>> promptStatus(Caller caller, RequestId request);
}
