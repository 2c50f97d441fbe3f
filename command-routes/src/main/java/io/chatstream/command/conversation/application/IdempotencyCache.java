package io.chatstream.command.conversation.application;

import io.chatstream.domain.RequestId;
import java.util.Optional;

/**
 * A fast, expiring memory of accepted submissions, consulted before the database. Best effort:
 * the store's unique request id stays the truth, so an unavailable cache only costs a query.
 */
public interface IdempotencyCache {

    Optional<AcceptedSubmission> find(RequestId requestId);

    void remember(AcceptedSubmission submission);
}
