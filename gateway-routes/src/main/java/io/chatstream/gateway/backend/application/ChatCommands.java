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

    Outcome<StopRequested> cancel(Caller caller, RequestId request);

    Outcome<SessionRenamed> rename(Caller caller, SessionId session, String title);

    /** Done (with the session id) also when it was already deleted. */
    Outcome<SessionId> delete(Caller caller, SessionId session);

    /**
     * Whether the caller's prompt {@code request} was accepted. Asynchronous, because it is asked from a
     * stream's callback, where no thread may wait; the stage never fails: a failed call is a rejection.
     */
    CompletionStage<Outcome<PromptStatus>> promptStatus(Caller caller, RequestId request);
}
