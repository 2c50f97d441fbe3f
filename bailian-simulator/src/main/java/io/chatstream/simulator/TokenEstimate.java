package io.chatstream.simulator;

/**
 * A stable stand-in for the provider's tokenizer: one token per CJK character (Qwen's tokenizer
 * gives a common Chinese character about one token) and one per four other characters (about one
 * per short English word). Counts are cumulative: {@link #add} text as it is emitted and read
 * {@link #tokens()} at any point, so streamed usage grows the way the real service reports it.
 */
final class TokenEstimate {

    private static final int CHARACTERS_PER_LATIN_TOKEN = 4;

    private long cjkCharacters;
    private long otherCharacters;

    /** The estimate of one text on its own. */
    static int of(String text) {
        return new TokenEstimate().add(text).tokens();
    }

    TokenEstimate add(String text) {
        text.codePoints().forEach(codePoint -> {
            if (CjkText.isCjk(codePoint)) {
                cjkCharacters++;
            } else {
                otherCharacters++;
            }
        });
        return this;
    }

    int tokens() {
        long latin = (otherCharacters + CHARACTERS_PER_LATIN_TOKEN - 1) / CHARACTERS_PER_LATIN_TOKEN;
        return (int) Math.min(Integer.MAX_VALUE, cjkCharacters + latin);
    }
}
