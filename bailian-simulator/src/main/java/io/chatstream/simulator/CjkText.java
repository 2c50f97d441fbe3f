package io.chatstream.simulator;

/**
 * Which characters are Chinese, Japanese or Korean, by fixed code point ranges rather than the
 * JDK's Unicode tables, so the answer's language and the token estimate never change with the JDK.
 */
final class CjkText {

    private CjkText() {
    }

    /** True when {@code text} holds at least one Han character: the prompt is answered in Chinese. */
    static boolean containsHan(String text) {
        return text.codePoints().anyMatch(CjkText::isHan);
    }

    /** CJK Unified Ideographs, extension A, compatibility ideographs and the supplementary ideograph planes. */
    static boolean isHan(int codePoint) {
        return (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0x20000 && codePoint <= 0x3134F);
    }

    /** Han, kana, Hangul syllables, CJK punctuation and full-width forms: about one token each. */
    static boolean isCjk(int codePoint) {
        return isHan(codePoint)
                || (codePoint >= 0x3000 && codePoint <= 0x30FF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7AF)
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
    }
}
