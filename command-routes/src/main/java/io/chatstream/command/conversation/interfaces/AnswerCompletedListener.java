package io.chatstream.command.conversation.interfaces;

import io.chatstream.command.conversation.application.RecordAnswer;
import io.chatstream.command.conversation.application.RecordingAnswer;
import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.contracts.AnswerStatus;
import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.domain.RequestId;
import io.chatstream.proto.v1.AnswerCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one {@code chat.answer.completed} payload and records it. A payload that breaks the
 * contract throws {@link UnreadableEventException}; the route configuration
 * {@code command-consumer-errors} logs and skips it (retrying can never succeed and must not stall
 * the partition), as every Kafka flow of the product does.
 */
@Component("answerCompletedListener")
public class AnswerCompletedListener {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerCompletedListener.class);

    private final RecordingAnswer recording;

    public AnswerCompletedListener(RecordingAnswer recording) {
        this.recording = recording;
    }

    public void onAnswer(String payload) {
        RecordAnswer answer = read(payload);
        RecordingAnswer.Result result = recording.record(answer);
        LOG.info("answer of {} recorded: {}", answer.requestId(), result);
    }

    static RecordAnswer read(String payload) {
        AnswerCompleted event = EventJson.read(payload, AnswerCompleted.getDefaultInstance());
        RequestId requestId = RequestId.parse(event.getRequestId())
                .orElseThrow(() -> new UnreadableEventException("malformed request_id"));
        AnswerState state = switch (event.getStatus()) {
            case AnswerStatus.COMPLETED -> AnswerState.COMPLETED;
            case AnswerStatus.FAILED -> AnswerState.FAILED;
            case AnswerStatus.STOPPED -> AnswerState.STOPPED;
            default -> throw new UnreadableEventException("unknown answer status '" + event.getStatus() + "'");
        };
        long tokens = Math.max(0, event.getUsage().getInputTokens()) + Math.max(0, event.getUsage().getOutputTokens());
        return new RecordAnswer(requestId, state, event.getText(), tokens);
    }
}
