package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.domain.RequestId;

/**
 * A request to record how the answer to one prompt ended (the state and the text the user saw), as the
 * worker reported it on {@code chat.answer.completed}.
 */
public record RecordAnswer(RequestId requestId, AnswerState state, String text) {
}
