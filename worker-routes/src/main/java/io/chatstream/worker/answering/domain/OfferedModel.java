package io.chatstream.worker.answering.domain;

import java.util.Objects;

/**
 * A model people may choose, as the answer policy offers it: its provider name ({@code id}), what
 * the page shows, how it thinks, whether it also reads images and its context window (0 = not said).
 */
public record OfferedModel(String id, String displayName, Thinking thinking, boolean vision, int contextTokens) {

    /** How a model thinks before answering (DashScope's enable_thinking). */
    public enum Thinking {
        /** It cannot: enable_thinking is never sent. */
        NONE,
        /** On request; the page's switch starts off. */
        OPTIONAL,
        /** On request; the page's switch starts on. */
        DEFAULT,
        /** Always (qwq-plus, deepseek-r1, *-thinking): the switch is on and fixed. */
        ALWAYS;

        /** The name in the catalog and on the wire: none, optional, default, always. */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public OfferedModel {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        thinking = thinking == null ? Thinking.OPTIONAL : thinking;
        contextTokens = Math.max(0, contextTokens);
    }

    /** A model the catalog does not describe (the configured default when ops left it out): on request thinking. */
    public static OfferedModel unlisted(String id) {
        return new OfferedModel(id, id, Thinking.OPTIONAL, false, 0);
    }

    /** Whether to ask this model to think, given what the person asked for. */
    public boolean thinks(boolean asked) {
        return switch (thinking) {
            case NONE -> false;
            case OPTIONAL, DEFAULT -> asked;
            case ALWAYS -> true;
        };
    }
}
