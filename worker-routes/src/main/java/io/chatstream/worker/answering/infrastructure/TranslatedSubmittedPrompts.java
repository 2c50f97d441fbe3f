package io.chatstream.worker.answering.infrastructure;

import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.worker.answering.application.PromptToAnswer;
import io.chatstream.worker.answering.application.SubmittedPrompts;
import java.util.Optional;

/** Reads a kept PromptSubmitted payload (a dead letter's) with the answer flow's own translator. */
public final class TranslatedSubmittedPrompts implements SubmittedPrompts {

    private final PromptSubmittedTranslator translator;

    public TranslatedSubmittedPrompts(PromptSubmittedTranslator translator) {
        this.translator = translator;
    }

    @Override
    public Optional<PromptToAnswer> read(String payload) {
        try {
            return Optional.of(translator.translate(payload));
        } catch (UnreadableEventException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
