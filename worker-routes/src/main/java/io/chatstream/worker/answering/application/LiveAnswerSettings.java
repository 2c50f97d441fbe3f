package io.chatstream.worker.answering.application;

/**
 * Port: the answer settings in effect for one message, as the answer route's policy step
 * (answer-policy.camel.yaml, editable live) left them on it; a replay of a dead letter reads them too.
 *
 * @param <M> the message the route carries (a Camel exchange in production)
 */
@FunctionalInterface
public interface LiveAnswerSettings<M> {

    AnswerSettings read(M message);
}
