package io.chatstream.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lays out one answer in exactly the chunks asked for. Up to {@link AnswerText#PROSE_ONLY_CHUNKS}
 * chunks it is one plain paragraph. Longer answers open with a plain paragraph of a third of the
 * chunks (4 to 20), add whole Markdown elements in turn while they fit (an element that does not fit
 * is skipped), and close with a plain paragraph of the chunks left over, at least {@value #MIN_CLOSING}.
 * Generation is linear in the chunk count: every element is small and bounded.
 */
final class AnswerLayout {

    private static final int MIN_OPENING = 4;
    private static final int MAX_OPENING = 20;
    private static final int MIN_CLOSING = 2;
    private static final int ELEMENT_KINDS = 6;
    private static final String BLANK_LINE = "\n\n";

    private final Random random;
    private final Phrasebook book;
    private int headings;

    AnswerLayout(Random random, Phrasebook book) {
        this.random = random;
        this.book = book;
    }

    List<Block> blocks(int chunkCount) {
        if (chunkCount <= AnswerText.PROSE_ONLY_CHUNKS) {
            return List.of(Prose.paragraph(random, book, chunkCount, ""));
        }
        // Headings in turn from a random start: no title twice in a row.
        headings = random.nextInt(1000);
        int opening = Math.max(MIN_OPENING, Math.min(MAX_OPENING, chunkCount / 3));
        List<Block> blocks = new ArrayList<>();
        blocks.add(Prose.paragraph(random, book, opening, BLANK_LINE));
        int left = chunkCount - opening;
        int misses = 0;
        for (int kind = 0; misses < ELEMENT_KINDS; kind = (kind + 1) % ELEMENT_KINDS) {
            List<Block> element = element(kind);
            int size = element.stream().mapToInt(Block::size).sum();
            if (size <= left - MIN_CLOSING) {
                blocks.addAll(element);
                left -= size;
                misses = 0;
            } else {
                misses++;
            }
        }
        blocks.add(Prose.paragraph(random, book, left, ""));
        return blocks;
    }

    /** The elements after the opening paragraph, in the order they come round. */
    private List<Block> element(int kind) {
        return switch (kind) {
            case 0 -> List.of(heading(), MarkdownBlocks.bullets(random, book));
            case 1 -> List.of(MarkdownBlocks.code(random, book));
            case 2 -> List.of(heading(), MarkdownBlocks.table(random, book));
            case 3 -> List.of(MarkdownBlocks.link(random, book));
            case 4 -> List.of(heading(), Prose.paragraph(random, book, 3 + random.nextInt(4), BLANK_LINE),
                    MarkdownBlocks.steps(random, book));
            default -> List.of(Prose.paragraph(random, book, 4 + random.nextInt(6), BLANK_LINE));
        };
    }

    private Block heading() {
        return MarkdownBlocks.heading(book, headings++);
    }
}
