package io.chatstream.query.projection.interfaces;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.PromptSubmitted;
import io.chatstream.proto.v1.SessionChanged;
import io.chatstream.query.history.domain.AnswerStatus;
import io.chatstream.query.history.domain.FinalAnswer;
import io.chatstream.query.projection.application.ProjectingAnswer;
import io.chatstream.query.projection.application.ProjectingPrompt;
import io.chatstream.query.projection.application.ProjectingSessionChange;
import io.chatstream.query.projection.domain.FinishedAnswer;
import io.chatstream.query.projection.domain.SessionChange;
import io.chatstream.query.projection.domain.SubmittedPrompt;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Called by the Kafka projection routes: reads one event payload and runs its projection.
 * A payload that cannot be read throws {@link UnreadableEventException}, which the routes log and skip.
 */
public class EventProjections {

    private static final Logger LOG = LoggerFactory.getLogger(EventProjections.class);

    /** The width of session_view.title. */
    private static final int MAX_TITLE_CODE_POINTS = 255;

    private final ProjectingPrompt prompts;
    private final ProjectingAnswer answers;
    private final ProjectingSessionChange sessionChanges;
    private final Clock clock;
    private final TransactionTemplate tx;

    /** {@code tx} makes one event's projection all-or-nothing; read-committed so compare-and-set retries see the winner. */
    public EventProjections(ProjectingPrompt prompts, ProjectingAnswer answers, ProjectingSessionChange sessionChanges,
            Clock clock, TransactionTemplate tx) {
        this.prompts = prompts;
        this.answers = answers;
        this.sessionChanges = sessionChanges;
        this.clock = clock;
        this.tx = tx;
    }

    public void promptSubmitted(String json) {
        PromptSubmitted e = EventJson.read(json, PromptSubmitted.getDefaultInstance());
        SubmittedPrompt prompt = new SubmittedPrompt(requestId(e.getRequestId()), sessionId(e.getSessionId()),
                userId(e.getUserId()), turn(e.getTurn()), e.getPrompt(),
                e.hasSubmittedAt() ? instant(e.getSubmittedAt()) : clock.instant(),
                e.getParentRequestId().isEmpty() ? "" : requestId(e.getParentRequestId()).value(),
                e.getSessionVersion());
        tx.executeWithoutResult(s -> prompts.project(prompt));
        LOG.info("prompt {} projected: session {} turn {}", e.getRequestId(), e.getSessionId(), e.getTurn());
    }

    public boolean answerCompleted(String json) {
        AnswerCompleted e = EventJson.read(json, AnswerCompleted.getDefaultInstance());
        if (!AnswerStatus.isFinal(e.getStatus())) {
            throw new UnreadableEventException("answer with a non-final status: " + e.getStatus());
        }
        FinalAnswer finalAnswer = new FinalAnswer(e.getStatus(), e.getText(), e.getReasoning(), e.getFinishReason(),
                e.getErrorCode(), e.getErrorMessage(), e.getUsage().getInputTokens(), e.getUsage().getOutputTokens(),
                // A model name is short; a longer one is not a name (the column holds 64 characters).
                e.getModel().length() <= 64 ? e.getModel() : "");
        FinishedAnswer answer = new FinishedAnswer(requestId(e.getRequestId()), sessionId(e.getSessionId()),
                userId(e.getUserId()), turn(e.getTurn()), finalAnswer,
                e.hasCompletedAt() ? instant(e.getCompletedAt()) : clock.instant());
        boolean projected = Boolean.TRUE.equals(tx.execute(s -> answers.project(answer)));
        LOG.info("answer {} {} projected: {}", e.getRequestId(), e.getStatus(), projected ? "stored" : "already known");
        return projected;
    }

    public void sessionChanged(String json) {
        SessionChanged e = EventJson.read(json, SessionChanged.getDefaultInstance());
        SessionId session = sessionId(e.getSessionId());
        UserId user = userId(e.getUserId());
        Instant at = e.hasOccurredAt() ? instant(e.getOccurredAt()) : clock.instant();
        SessionChange change = switch (e.getChangeCase()) {
            case RENAMED -> new SessionChange.Renamed(session, user, title(e.getRenamed().getTitle()), at,
                    e.getRenamed().getGenerated());
            case DELETED -> new SessionChange.Deleted(session, user, at);
            case VERSION_SELECTED -> new SessionChange.VersionSelected(session, user,
                    requestId(e.getVersionSelected().getHeadRequestId()).value(), e.getSessionVersion(), at);
            case PINNED -> new SessionChange.Pinned(session, user, e.getPinned().getPinned(), at);
            case CHANGE_NOT_SET -> throw new UnreadableEventException("SessionChanged without a change");
        };
        tx.executeWithoutResult(s -> sessionChanges.project(change));
    }

    /** The command service validated it (1..120 code points); this only guards the column. */
    private static String title(String raw) {
        String title = raw.strip();
        int length = title.codePointCount(0, title.length());
        if (length < 1 || length > MAX_TITLE_CODE_POINTS) {
            throw new UnreadableEventException("renamed title must be 1.." + MAX_TITLE_CODE_POINTS + " characters");
        }
        return title;
    }

    private static RequestId requestId(String raw) {
        return RequestId.parse(raw).orElseThrow(() -> new UnreadableEventException("malformed request_id"));
    }

    private static SessionId sessionId(String raw) {
        return SessionId.parse(raw).orElseThrow(() -> new UnreadableEventException("malformed session_id"));
    }

    private static UserId userId(String raw) {
        return UserId.parse(raw).orElseThrow(() -> new UnreadableEventException("malformed user_id"));
    }

    private static int turn(int turn) {
        if (turn < 1) {
            throw new UnreadableEventException("turn must be 1 or more");
        }
        return turn;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
