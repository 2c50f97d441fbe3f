package io.chatstream.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic answers that read like a model's: the same seed text always gives the same chunks,
 * on any JVM, because the seed is a 64-bit FNV-1a hash of the text's UTF-8 bytes and
 * {@link java.util.Random}'s algorithm is fixed by its specification.
 *
 * <p>Up to {@value #PROSE_ONLY_CHUNKS} chunks the answer is one paragraph of plain sentences: no
 * Markdown syntax, so its rendered text is the raw text. Longer answers open with a plain paragraph
 * of a third of the chunks (at least 4, at most 20), then add whole Markdown elements while they fit
 * (a {@code ##} heading with bullet points, a fenced code block, a heading with a table, a link,
 * a heading with a paragraph and numbered steps, paragraphs) and close with a plain paragraph of the
 * chunks left over ({@link AnswerLayout}). So the text is well-formed Markdown for any count (no open
 * fence, no half table) and always ends with a full stop ({@code .} or {@code 。}). Prompts with
 * Chinese (Han) characters get Chinese answers, others English.
 */
public final class AnswerText {

    /** The longest answer that is plain prose, without Markdown. */
    public static final int PROSE_ONLY_CHUNKS = 8;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private AnswerText() {
    }

    /** The answer for {@code seedText} split into exactly {@code chunkCount} non-empty chunks. */
    public static List<String> chunks(String seedText, int chunkCount) {
        List<String> chunks = new ArrayList<>(chunkCount);
        for (Block block : blocks(seedText, chunkCount)) {
            chunks.addAll(block.pieces());
        }
        return List.copyOf(chunks);
    }

    /** The joined answer: what a client that concatenates all deltas sees. */
    public static String text(String seedText, int chunkCount) {
        return String.join("", chunks(seedText, chunkCount));
    }

    /**
     * The answer as a reader sees it once its Markdown is rendered: the same words without the
     * syntax (no {@code ##}, list markers, {@code **}, fences, pipes or link targets), one line per
     * line of the rendered text. Equal to {@link #text} for answers of up to
     * {@value #PROSE_ONLY_CHUNKS} chunks; compare others ignoring how whitespace is laid out.
     */
    public static String visibleText(String seedText, int chunkCount) {
        return String.join("\n", blocks(seedText, chunkCount).stream().map(Block::visible).toList());
    }

    static List<Block> blocks(String seedText, int chunkCount) {
        if (chunkCount < 1) {
            throw new IllegalArgumentException("chunkCount must be at least 1: " + chunkCount);
        }
        Random random = new Random(seedOf(seedText));
        return new AnswerLayout(random, Phrasebook.forPrompt(seedText)).blocks(chunkCount);
    }

    static long seedOf(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
