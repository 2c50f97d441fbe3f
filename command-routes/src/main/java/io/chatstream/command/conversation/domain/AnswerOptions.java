package io.chatstream.command.conversation.domain;

/**
 * How the person wants a prompt answered: {@code model}, a model from the catalog the gateway
 * checked it against (empty: the answer policy's default model; the worker checks it again when it
 * answers), and {@code thinking}, whether the model should think before answering.
 */
public record AnswerOptions(String model, boolean thinking) {

    /** The default model, no thinking. */
    public static final AnswerOptions DEFAULT = new AnswerOptions("", false);

    public AnswerOptions {
        model = model == null ? "" : model.strip();
    }
}
