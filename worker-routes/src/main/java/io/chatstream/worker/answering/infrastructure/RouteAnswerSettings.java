package io.chatstream.worker.answering.infrastructure;

import io.chatstream.worker.answering.application.AnswerSettings;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads the per-prompt settings the route {@code worker-answer-policy} (answer-policy.camel.yaml)
 * puts on the exchange. A missing property keeps the start-up default; an unusable value is
 * logged and ignored, so a bad edit never fails or stalls a prompt.
 */
public final class RouteAnswerSettings implements LiveAnswerSettings<Exchange> {

    public static final String MODEL = "chatModel";
    public static final String MAX_ATTEMPTS = "chatMaxAttempts";
    public static final String FIRST_TOKEN_TIMEOUT = "chatFirstTokenTimeout";
    public static final String IDLE_TIMEOUT = "chatIdleTimeout";
    public static final String TOTAL_TIMEOUT = "chatTotalTimeout";

    private static final Logger LOG = LoggerFactory.getLogger(RouteAnswerSettings.class);

    @Override
    public AnswerSettings read(Exchange exchange) {
        return of(exchange);
    }

    public static AnswerSettings of(Exchange exchange) {
        return new AnswerSettings(
                text(exchange, MODEL),
                attempts(text(exchange, MAX_ATTEMPTS)),
                duration(FIRST_TOKEN_TIMEOUT, text(exchange, FIRST_TOKEN_TIMEOUT)),
                duration(IDLE_TIMEOUT, text(exchange, IDLE_TIMEOUT)),
                duration(TOTAL_TIMEOUT, text(exchange, TOTAL_TIMEOUT)));
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
