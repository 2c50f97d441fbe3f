package io.chatstream.query.history.application;

import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.HitCursor;
import io.chatstream.query.history.domain.MatchingMessage;
import io.chatstream.query.history.domain.SearchTerms;
import java.util.List;

/** Finds a user's messages by their text, in the message and session views. */
public interface MessageSearch {

    /**
     * Up to {@code limit} of the user's messages after {@code after} (null = newest), newest first (created_at,
     * then request id, an answer before its prompt), that hold {@code terms}: prompts, and answers that completed
     * or were stopped, of sessions that are not deleted. A session whose title holds the terms adds its first
     * prompt. Never a message of another user.
     */
    List<MatchingMessage> find(UserId user, SearchTerms terms, HitCursor after, int limit);
}
