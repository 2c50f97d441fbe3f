package io.chatstream.simulator;

import java.util.List;
import java.util.Random;

/**
 * The deterministic train of thought a thinking model streams as {@code reasoning_content} before
 * its answer: one plain paragraph that starts like a model thinking aloud, in Chinese for prompts
 * with Chinese characters. Seeded like {@link AnswerText} but on a different sequence, so the
 * reasoning does not repeat the answer.
 */
public final class ReasoningText {

    private ReasoningText() {
    }

    /** The reasoning for {@code seedText} in exactly {@code chunkCount} non-empty pieces. */
    public static List<String> chunks(String seedText, int chunkCount) {
        if (chunkCount < 1) {
            throw new IllegalArgumentException("chunkCount must be at least 1: " + chunkCount);
        }
        Random random = new Random(~AnswerText.seedOf(seedText));
        Phrasebook book = Phrasebook.forPrompt(seedText);
        return Prose.paragraph(random, book, chunkCount, "", book.thinkingOpener(random)).pieces();
    }

    /** The joined reasoning. */
    public static String text(String seedText, int chunkCount) {
        return String.join("", chunks(seedText, chunkCount));
    }
}
