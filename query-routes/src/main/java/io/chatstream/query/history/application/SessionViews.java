package io.chatstream.query.history.application;

import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.SessionCursor;
import io.chatstream.query.history.domain.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The session list read model. Every write is idempotent and order-independent. */
public interface SessionViews {

    /**
     * Creates the session if needed, keeps the title of the lowest turn seen unless the owner chose one
     * (a null title means "no title from this event"), widens created/updated to include {@code at}, and recounts the messages.
     */
    void recordActivity(SessionId sessionId, UserId userId, int turn, String title, Instant at);

    Optional<SessionView> find(SessionId sessionId);

    /** Whether the session carries a delete tombstone. */
    boolean isDeleted(SessionId sessionId);

    /**
     * Sets the owner's title (creating the row if no prompt was projected yet) unless the session is
     * deleted or holds an owner's title chosen later than {@code at} (a suggested one is always replaced). A
     * user-chosen title is never replaced by a prompt's.
     */
    void rename(SessionId sessionId, UserId userId, String title, Instant at);

    /**
     * Shows the branch ending at {@code head} (creating the row if needed) unless the session is deleted or
     * a change of a higher session version chose its branch; 0 (an event from before versions) wins over 0.
     */
    void showBranch(SessionId sessionId, UserId userId, String head, long sessionVersion, Instant at);

    /** The prompt the shown branch ends with; empty when none was recorded. */
    Optional<String> shownHead(SessionId sessionId);

    /**
     * Sets a title the model suggested, as {@link #rename} does, except over the owner's own title; the owner's
     * later (or earlier-dated) rename always replaces it.
     */
    void suggestTitle(SessionId sessionId, UserId userId, String title, Instant at);

    /**
     * Pins or unpins the session (creating the row if no prompt was projected yet) unless it is deleted or
     * its flag was set by a change later than {@code at}. Not activity: the session keeps its place in time.
     */
    void pin(SessionId sessionId, UserId userId, boolean pinned, Instant at);

    /** Turns the session into a tombstone (creating it if needed): deleted, no title, no messages. */
    void markDeleted(SessionId sessionId, UserId userId, Instant at);

    /**
     * Up to {@code limit} of the user's visible sessions after {@code after} (null = from the top): pinned
     * first, then newest first (see {@link SessionView#LIST_ORDER}).
     */
    List<SessionView> page(UserId userId, SessionCursor after, int limit);
}
