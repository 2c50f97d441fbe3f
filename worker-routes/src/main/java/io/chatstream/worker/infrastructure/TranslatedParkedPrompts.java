package io.chatstream.worker.infrastructure;

import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.worker.application.ParkedPrompts;
import io.chatstream.worker.application.PromptToAnswer;
import java.util.Optional;

/** A parked payload is read exactly as the answer flow reads a fresh one. */
public final class TranslatedParkedPrompts implements ParkedPrompts {

    private final PromptSubmittedTranslator translator;

    public TranslatedParkedPrompts(PromptSubmittedTranslator translator) {
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
