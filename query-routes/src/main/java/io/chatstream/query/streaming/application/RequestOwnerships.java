package io.chatstream.query.streaming.application;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.query.streaming.domain.RequestOwnership;
import java.time.Instant;
import java.util.Optional;

/** Who owns which request. Saving is idempotent: the first record of a request wins. */
public interface RequestOwnerships {

    void saveIfAbsent(RequestOwnership ownership, Instant at);

    Optional<RequestOwnership> find(RequestId requestId);

    /** Removes the ownerships of the session's requests (it was deleted). */
    void deleteSession(SessionId sessionId);
}
