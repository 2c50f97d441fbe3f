package io.chatstream.command.application;

import io.chatstream.command.domain.AnswerState;
import io.chatstream.domain.RequestId;

/** How the answer to one prompt ended, as reported by the worker. */
public record AnswerOutcome(RequestId requestId, AnswerState state, String text) {
}
