package io.chatstream.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Paragraphs of whole sentences in exactly the number of deltas asked for: sentences are written
 * first, then their words are dealt out one to three per delta (more only when a short paragraph
 * must hold a long sentence). No Markdown syntax, so a paragraph renders as the text it is.
 */
final class Prose {

    private static final int MOST_WORDS_PER_DELTA = 3;

    private Prose() {
    }

    /**
     * A paragraph of {@code deltas} pieces; the last piece ends with the full stop followed by
     * {@code ending} ({@code "\n\n"} inside an answer, {@code ""} at its end).
     */
    static Block paragraph(Random random, Phrasebook book, int deltas, String ending) {
        return paragraph(random, book, deltas, ending, List.of());
    }

    /** As {@link #paragraph(Random, Phrasebook, int, String)}, starting with the given words. */
    static Block paragraph(Random random, Phrasebook book, int deltas, String ending, List<String> firstWords) {
        List<String> words = new ArrayList<>(firstWords);
        while (words.size() < deltas || words.isEmpty()) {
            words.addAll(book.sentence(random));
        }
        List<String> pieces = new ArrayList<>(deltas);
        StringBuilder piece = new StringBuilder();
        int next = 0;
        for (int delta = 0; delta < deltas; delta++) {
            int take = wordsFor(random, words.size() - next, deltas - delta);
            piece.setLength(0);
            for (int w = 0; w < take; w++) {
                piece.append(words.get(next++));
            }
            pieces.add(piece.toString());
        }
        int last = pieces.size() - 1;
        pieces.set(last, pieces.get(last).stripTrailing() + ending);
        return new Block(pieces, String.join("", pieces).strip());
    }

    /** How many of the {@code wordsLeft} words the next delta takes so the {@code deltasLeft} deltas use them all. */
    private static int wordsFor(Random random, int wordsLeft, int deltasLeft) {
        if (deltasLeft == 1) {
            return wordsLeft;
        }
        int fewest = Math.max(1, wordsLeft - MOST_WORDS_PER_DELTA * (deltasLeft - 1));
        int most = Math.min(MOST_WORDS_PER_DELTA, wordsLeft - (deltasLeft - 1));
        if (fewest > most) {
            // A long sentence in a few deltas: share the words out evenly.
            return (wordsLeft + deltasLeft - 1) / deltasLeft;
        }
        return fewest + random.nextInt(most - fewest + 1);
    }
}
