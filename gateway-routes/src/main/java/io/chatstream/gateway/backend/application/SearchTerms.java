package io.chatstream.gateway.backend.application;

import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;

/**
 * What the caller searches their messages for: the query stripped of surrounding whitespace, 1 to a configured
 * number of characters (code points). The query service checks the same rule; the gateway checks early so a bad
 * query never costs a call.
 */
public record SearchTerms(String text) {

    public static Outcome<SearchTerms> of(String raw, int maxLength) {
        String stripped = raw == null ? "" : raw.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > maxLength) {
            return Outcome.rejected(GatewayCodes.INVALID_QUERY,
                    "q must be 1 to " + maxLength + " characters, not blank");
        }
        return Outcome.done(new SearchTerms(stripped));
    }
}
