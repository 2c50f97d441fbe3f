package io.chatstream.worker.answering.application;

import io.chatstream.worker.answering.domain.ModelCatalog;
import io.chatstream.worker.answering.domain.OfferedModel;
import java.time.Duration;
import java.util.Optional;

/**
 * Per-prompt overrides of the answering policy and the model, set by the answer route so ops can
 * change them live by editing a route file. A null field keeps the start-up default; without a
 * {@code catalog} (tests, replays without the route) any model is answered as named.
 */
public record AnswerSettings(String model, Integer maxAttempts, Duration firstTokenTimeout, Duration idleTimeout,
        Duration totalTimeout, ModelCatalog catalog) {

    /** Everything as configured at start-up. */
    public static final AnswerSettings DEFAULTS = new AnswerSettings(null, null, null, null, null, null);

    public AnswerSettings {
        model = model == null || model.isBlank() ? null : model.strip();
    }

    /** Without a catalog. */
    public AnswerSettings(String model, Integer maxAttempts, Duration firstTokenTimeout, Duration idleTimeout,
            Duration totalTimeout) {
        this(model, maxAttempts, firstTokenTimeout, idleTimeout, totalTimeout, null);
    }

    /**
     * The model a prompt is answered with and whether it is asked to think. {@code model} null = the
     * configured one; {@code offered} false when the catalog does not offer the model the prompt names.
     */
    public record ModelChoice(String model, boolean thinking, boolean offered) {
    }

    /** How {@code prompt} is answered: the model it names (blank: the default), thinking as that model allows. */
    public ModelChoice modelFor(PromptToAnswer prompt) {
        if (catalog == null) {
            return new ModelChoice(prompt.model().isEmpty() ? model : prompt.model(), prompt.thinking(), true);
        }
        Optional<OfferedModel> offered = catalog.find(prompt.model());
        return offered.map(m -> new ModelChoice(m.id(), m.thinks(prompt.thinking()), true))
                .orElseGet(() -> new ModelChoice(prompt.model(), false, false));
    }

    /** The policy for one prompt: these overrides on top of {@code base}. */
    public AnsweringPolicy applyTo(AnsweringPolicy base) {
        return new AnsweringPolicy(
                maxAttempts == null ? base.maxAttempts() : maxAttempts,
                base.backoff(),
                firstTokenTimeout == null ? base.firstTokenTimeout() : firstTokenTimeout,
                idleTimeout == null ? base.idleTimeout() : idleTimeout,
                totalTimeout == null ? base.totalTimeout() : totalTimeout,
                base.coalescing(), base.thinkingTimeout());
    }
}
