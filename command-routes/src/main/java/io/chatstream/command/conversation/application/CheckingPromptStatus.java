package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.Prompts;
import io.chatstream.command.conversation.domain.Sessions;
import io.chatstream.command.conversation.domain.UserPrompt;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.UserId;
import java.util.Optional;

/**
 * Use case: tell the caller whether their prompt was accepted. The gateway asks when the query service does
 * not know a request yet: only this context can tell a prompt still on its way to the read model from an id
 * that was never accepted. Read only; an unknown id costs one look-up on the request id's unique key.
 */
public class CheckingPromptStatus {

    private final Prompts prompts;
    private final Sessions sessions;

    public CheckingPromptStatus(Prompts prompts, Sessions sessions) {
        this.prompts = prompts;
        this.sessions = sessions;
    }

    public PromptStatus check(GetPromptStatus question) {
        Optional<UserId> user = UserId.parse(question.userId());
        if (user.isEmpty()) {
            return new PromptStatus.Rejected(CommandError.INVALID_USER_ID);
        }
        Optional<RequestId> requestId = RequestId.parse(question.requestId());
        if (requestId.isEmpty()) {
            return new PromptStatus.Rejected(CommandError.INVALID_REQUEST_ID);
        }
        Optional<UserPrompt> prompt = prompts.find(requestId.get())
                .filter(p -> p.belongsTo(user.get()))
                .filter(p -> sessions.find(p.sessionId()).filter(s -> s.isVisibleTo(user.get())).isPresent());
        return prompt.<PromptStatus>map(p -> new PromptStatus.Accepted(p.requestId(), p.acceptedAt()))
                .orElseGet(() -> new PromptStatus.NotAccepted(requestId.get()));
    }
}
