package io.chatstream.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic pseudo-English answers: the same seed text always gives the same chunks, on any
 * JVM, because the seed is a 64-bit FNV-1a hash of the text's UTF-8 bytes and
 * {@link java.util.Random}'s algorithm is fixed by its specification.
 *
 * <p>Each chunk holds one to three words and ends with a space (or {@code ", "}/{@code ". "}), so
 * joining the chunks reads naturally; the last chunk ends with a period and no space.
 */
public final class AnswerText {

    private static final String[] ONSETS = {
        "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w",
        "br", "cl", "dr", "fl", "gr", "pl", "st", "th", "tr", "sh", "qu"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "oo", "ou"};
    private static final String[] CODAS = {"", "", "", "", "n", "r", "l", "s", "m", "nd", "st", "th", "ck"};
    private static final List<String> GLUE = List.of("the", "of", "and", "a", "to", "in", "with", "for", "is", "on", "by");
    private static final Set<String> GLUE_WORDS = Set.copyOf(GLUE);

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private AnswerText() {
    }

    /** The answer for {@code seedText} split into exactly {@code chunkCount} chunks (at least one). */
    public static List<String> chunks(String seedText, int chunkCount) {
        if (chunkCount < 1) {
            throw new IllegalArgumentException("chunkCount must be at least 1: " + chunkCount);
        }
        Random random = new Random(seedOf(seedText));
        List<String> chunks = new ArrayList<>(chunkCount);
        boolean sentenceStart = true;
        boolean glueBefore = false;
        int wordsInSentence = 0;
        int sentenceLength = nextSentenceLength(random);
        for (int c = 0; c < chunkCount; c++) {
            int words = 1 + random.nextInt(3);
            StringBuilder chunk = new StringBuilder();
            for (int w = 0; w < words; w++) {
                boolean lastOfAnswer = c == chunkCount - 1 && w == words - 1;
                boolean endsSentence = lastOfAnswer || wordsInSentence + 1 >= sentenceLength;
                String word = word(random, sentenceStart || endsSentence || glueBefore);
                glueBefore = !sentenceStart && GLUE_WORDS.contains(word);
                chunk.append(sentenceStart ? capitalized(word) : word);
                sentenceStart = false;
                wordsInSentence++;
                if (lastOfAnswer) {
                    chunk.append('.');
                } else if (endsSentence) {
                    chunk.append(". ");
                    sentenceStart = true;
                    wordsInSentence = 0;
                    sentenceLength = nextSentenceLength(random);
                } else if (wordsInSentence > 2 && !glueBefore && random.nextInt(9) == 0) {
                    chunk.append(", ");
                } else {
                    chunk.append(' ');
                }
            }
            chunks.add(chunk.toString());
        }
        return List.copyOf(chunks);
    }

    /** The joined answer: what a client that concatenates all deltas sees. */
    public static String text(String seedText, int chunkCount) {
        return String.join("", chunks(seedText, chunkCount));
    }

    static long seedOf(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    private static int nextSentenceLength(Random random) {
        return 5 + random.nextInt(10);
    }

    /** An invented word, or now and then a short English function word unless {@code inventedOnly}. */
    private static String word(Random random, boolean inventedOnly) {
        // Function words read well inside a sentence, not at its edges and not twice in a row.
        if (!inventedOnly && random.nextInt(4) == 0) {
            return GLUE.get(random.nextInt(GLUE.size()));
        }
        // Mostly one or two syllables, with a closing consonant only at the end: easy to read.
        int roll = random.nextInt(10);
        int syllables = roll < 4 ? 1 : roll < 9 ? 2 : 3;
        StringBuilder invented = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            invented.append(ONSETS[random.nextInt(ONSETS.length)])
                    .append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return invented.append(CODAS[random.nextInt(CODAS.length)]).toString();
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
