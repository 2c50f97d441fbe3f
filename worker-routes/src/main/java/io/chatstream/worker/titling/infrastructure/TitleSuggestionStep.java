package io.chatstream.worker.titling.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.AnswerStatus;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.SessionId;
import io.chatstream.proto.v1.AnswerCompleted;
import io.chatstream.proto.v1.SessionTitleSuggested;
import io.chatstream.worker.titling.application.FirstAnswer;
import io.chatstream.worker.titling.application.SuggestingTitle;
import io.chatstream.worker.titling.application.TitleOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of the route {@code worker-suggest-title}: reads one {@code chat.answer.completed} payload,
 * runs {@link SuggestingTitle} and leaves a {@code SessionTitleSuggested} (key session_id) as the body, or
 * a null body when there is nothing to publish. An unreadable payload throws
 * {@link UnreadableEventException} (logged and skipped by the route's error handling).
 */
public final class TitleSuggestionStep {

    private static final Logger LOG = LoggerFactory.getLogger(TitleSuggestionStep.class);

    private final SuggestingTitle suggesting;
    private final Clock clock;

    public TitleSuggestionStep(SuggestingTitle suggesting, Clock clock) {
        this.suggesting = suggesting;
        this.clock = clock;
    }

    public void suggest(Exchange exchange) {
        AnswerCompleted event = EventJson.read(exchange.getMessage().getBody(String.class),
                AnswerCompleted.getDefaultInstance());
        if (SessionId.parse(event.getSessionId()).isEmpty()) {
            throw new UnreadableEventException("AnswerCompleted with a malformed session_id");
        }
        Instant completedAt = event.hasCompletedAt()
                ? Instant.ofEpochSecond(event.getCompletedAt().getSeconds(), event.getCompletedAt().getNanos())
                : clock.instant();
        FirstAnswer answer = new FirstAnswer(event.getSessionId(), event.getUserId(), event.getTraceId(),
                event.getTurn(), AnswerStatus.COMPLETED.equals(event.getStatus()), event.getPrompt(), event.getText(),
                completedAt);
        TitleOutcome outcome = suggesting.suggest(answer);
        exchange.getMessage().removeHeaders("kafka.*");
        exchange.getMessage().setBody(null);
        if (outcome instanceof TitleOutcome.Suggested suggested) {
            Instant now = clock.instant();
            exchange.getMessage().setHeader("kafka.KEY", event.getSessionId());
            exchange.getMessage().setBody(EventJson.write(SessionTitleSuggested.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setSessionId(event.getSessionId())
                    .setUserId(event.getUserId())
                    .setTraceId(event.getTraceId())
                    .setTitle(suggested.title().value())
                    .setSuggestedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                    .build()));
            LOG.info("suggested a title for session {}", event.getSessionId());
        } else if (outcome instanceof TitleOutcome.Failed failed) {
            LOG.warn("no title for session {}: {} (the title stays as it is)", event.getSessionId(), failed.reason());
        }
    }
}
