package io.chatstream.worker.answering.infrastructure;

import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import io.chatstream.worker.answering.domain.ModelCatalog;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads the per-prompt settings the route {@code worker-answer-policy} (answer-policy.camel.yaml)
 * puts on the exchange. A missing property keeps the start-up default; an unusable value is
 * logged and ignored, so a bad edit never fails or stalls a prompt. The model catalog
 * ({@code chatModels}, see {@link ModelCatalog}) is read once per distinct text and its problems
 * logged once; without the property the start-up catalog ({@code chat.bailian.models}) applies.
 */
public final class RouteAnswerSettings implements LiveAnswerSettings<Exchange> {

    public static final String MODEL = "chatModel";
    public static final String MAX_ATTEMPTS = "chatMaxAttempts";
    public static final String FIRST_TOKEN_TIMEOUT = "chatFirstTokenTimeout";
    public static final String IDLE_TIMEOUT = "chatIdleTimeout";
    public static final String TOTAL_TIMEOUT = "chatTotalTimeout";
    public static final String MODELS = "chatModels";

    private static final Logger LOG = LoggerFactory.getLogger(RouteAnswerSettings.class);

    private final String startupModel;
    private final String startupCatalog;
    // The last catalog read, by its text and default model: prompts do not parse it again.
    private volatile CachedCatalog cached;

    private record CachedCatalog(String text, String defaultModel, ModelCatalog catalog) {
    }

    /** {@code startupModel}, {@code startupCatalog}: chat.bailian.model and chat.bailian.models. */
    public RouteAnswerSettings(String startupModel, String startupCatalog) {
        if (!ModelCatalog.validId(startupModel)) {
            throw new IllegalArgumentException("chat.bailian.model is not a model name: " + startupModel);
        }
        this.startupModel = startupModel;
        this.startupCatalog = startupCatalog == null ? "" : startupCatalog;
        catalog(this.startupCatalog, startupModel); // fails nothing, logs what is wrong with the start-up catalog
    }

    @Override
    public AnswerSettings read(Exchange exchange) {
        String model = text(exchange, MODEL);
        if (model != null && !ModelCatalog.validId(model)) {
            LOG.warn("answer route: {}={} is not a model name; the configured default applies", MODEL, model);
            model = null;
        }
        String catalogText = text(exchange, MODELS);
        return new AnswerSettings(
                model,
                attempts(text(exchange, MAX_ATTEMPTS)),
                duration(FIRST_TOKEN_TIMEOUT, text(exchange, FIRST_TOKEN_TIMEOUT)),
                duration(IDLE_TIMEOUT, text(exchange, IDLE_TIMEOUT)),
                duration(TOTAL_TIMEOUT, text(exchange, TOTAL_TIMEOUT)),
                catalog(catalogText == null ? startupCatalog : catalogText, model == null ? startupModel : model));
    }

    private ModelCatalog catalog(String text, String defaultModel) {
        CachedCatalog last = cached;
        if (last != null && last.text().equals(text) && last.defaultModel().equals(defaultModel)) {
            return last.catalog();
        }
        ModelCatalog.Parsed parsed = ModelCatalog.parse(text, defaultModel);
        parsed.problems().forEach(problem -> LOG.warn("answer route: {}: {}", MODELS, problem));
        cached = new CachedCatalog(text, defaultModel, parsed.catalog());
        return parsed.catalog();
    }

    private static String text(Exchange exchange, String name) {
        Object value = exchange == null ? null : exchange.getProperty(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static Integer attempts(String value) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // logged below
        }
        LOG.warn("answer route: {}={} is not a whole number >= 1; the configured default applies", MAX_ATTEMPTS,
                value);
        return null;
    }

    private static Duration duration(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Duration d = DurationStyle.detectAndParse(value);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (IllegalArgumentException e) {
            // logged below
        }
        LOG.warn("answer route: {}={} is not a positive duration (e.g. 30s, 500ms, 5m); the configured default "
                + "applies", name, value);
        return null;
    }
}
