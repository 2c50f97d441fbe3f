package io.chatstream.command.conversation.application;

import io.chatstream.command.conversation.domain.AnswerState;
import io.chatstream.domain.RequestId;

/**
 * A request to record how the answer to one prompt ended (the state and the text the user saw, and the
 * model tokens it used, input and output), as the worker reported it on {@code chat.answer.completed}.
 */
public record RecordAnswer(RequestId requestId, AnswerState state, String text, long tokens) {

    public RecordAnswer {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative");
        }
    }
}
