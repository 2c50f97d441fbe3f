package io.chatstream.command.conversation.domain;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import java.util.List;
import java.util.Optional;

/** All accepted prompts. */
public interface Prompts {

    Optional<UserPrompt> find(RequestId requestId);

    /** The last {@code limit} prompts of a session with a turn below {@code beforeTurn}, any order. */
    List<UserPrompt> latestOf(SessionId sessionId, int beforeTurn, int limit);

    /** @throws RequestAlreadyRecorded when a prompt with this request id exists already */
    void add(UserPrompt prompt);

    /** Stores the recorded answer of a prompt read earlier. */
    void update(UserPrompt prompt);

    /** Erases the texts (prompts and answers) of a deleted session's prompts; their ids, turns and states stay. */
    void eraseTextsOf(SessionId sessionId);
}
