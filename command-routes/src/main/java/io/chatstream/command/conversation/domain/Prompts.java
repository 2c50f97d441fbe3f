package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.util.List;
import java.util.Optional;

/** All accepted prompts. */
public interface Prompts {

    Optional<UserPrompt> find(RequestId requestId);

    /**
     * The branch that ends at {@code last}: that prompt, its parent, its parent's parent... at most
     * {@code limit} of them, any order.
     */
    List<UserPrompt> branchEndingAt(RequestId last, int limit);

    /**
     * The newest prompt that continues {@code first} (a child, grandchild...), which ends the branch
     * last worked on through it; empty when nothing follows {@code first}.
     */
    Optional<UserPrompt> newestAfter(RequestId first);

    /** @throws RequestAlreadyRecorded when a prompt with this request id exists already */
    void add(UserPrompt prompt);

    /** Stores the recorded answer of a prompt read earlier. */
    void update(UserPrompt prompt);

    /** Erases the texts (prompts and answers) of a deleted session's prompts; their ids, turns and states stay. */
    void eraseTextsOf(SessionId sessionId);
}
