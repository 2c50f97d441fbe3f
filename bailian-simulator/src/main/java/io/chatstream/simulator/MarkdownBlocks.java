package io.chatstream.simulator;

import io.chatstream.simulator.Phrasebook.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Markdown elements of a generated answer, each one whole and ending in a blank line. Syntax
 * that changes how earlier text renders (a table's delimiter row, a link's target, bold) arrives in
 * the same delta as the text it applies to, so a page that renders the growing answer never shows
 * stray syntax that later disappears.
 */
final class MarkdownBlocks {

    private static final String BLANK_LINE = "\n\n";

    private MarkdownBlocks() {
    }

    /** {@code ## Title}, the {@code index}th title counting round, in one or two deltas. */
    static Block heading(Phrasebook book, int index) {
        List<String> units = book.units(book.pickAt(Part.HEADING, index));
        String title = book.written(String.join(" ", units));
        if (units.size() == 1) {
            return new Block(List.of("## " + title + BLANK_LINE), title);
        }
        String first = units.get(0) + book.space();
        return new Block(List.of("## " + first, title.substring(first.length()) + BLANK_LINE), title);
    }

    /** Two to four bullet points, {@code - **Key**: what it does}, two deltas each. */
    static Block bullets(Random random, Phrasebook book) {
        int items = 2 + random.nextInt(3);
        List<String> pieces = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        // Keys in turn from a random start: a list never repeats one (nor a table a setting).
        int first = random.nextInt(1000);
        for (int i = 0; i < items; i++) {
            String key = book.written(book.pickAt(Part.KEY, first + i));
            String point = book.predicate(random);
            pieces.add("- **" + key + "**" + book.colon());
            pieces.add(point + (i == items - 1 ? BLANK_LINE : "\n"));
            visible.add(key + book.colon() + point);
        }
        return new Block(pieces, String.join("\n", visible));
    }

    /** Three to five numbered steps, two deltas each. */
    static Block steps(Random random, Phrasebook book) {
        int count = 3 + random.nextInt(3);
        List<String> pieces = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String step = book.step(random);
            int cut = firstUnitLength(book, step);
            pieces.add(i + ". " + step.substring(0, cut));
            pieces.add(step.substring(cut) + (i == count ? BLANK_LINE : "\n"));
            visible.add(step);
        }
        return new Block(pieces, String.join("\n", visible));
    }

    /** A one-line lead-in, then a fenced code block: the fences and each line of code are one delta each. */
    static Block code(Random random, Phrasebook book) {
        List<String> pieces = new ArrayList<>();
        String leadIn = book.written(book.pick(random, Part.CODE_LEAD_IN));
        pieces.add(leadIn + BLANK_LINE);
        CodeSample sample = CodeSample.pick(random, book);
        pieces.add("```" + sample.language() + "\n");
        for (String line : sample.lines()) {
            pieces.add(line + "\n");
        }
        pieces.add("```" + BLANK_LINE);
        return new Block(pieces, leadIn + "\n" + String.join("\n", sample.lines()));
    }

    /** A three-column table: header and delimiter rows in one delta, then one delta per row. */
    static Block table(Random random, Phrasebook book) {
        String[] header = book.written(book.pick(random, Part.TABLE_HEADER)).split("\\|");
        int rows = 2 + random.nextInt(3);
        List<String> pieces = new ArrayList<>();
        List<String> visible = new ArrayList<>();
        pieces.add(row(header) + "| --- | --- | --- |\n");
        visible.add(String.join(" ", header));
        int first = random.nextInt(1000);
        for (int i = 0; i < rows; i++) {
            String[] setting = book.pickAt(Part.SETTING, first + i).split("\\|");
            String[] cells = {book.written(setting[0]), book.written(setting[1]), book.predicate(random)};
            pieces.add(row(cells) + (i == rows - 1 ? "\n" : ""));
            visible.add(String.join(" ", cells));
        }
        return new Block(pieces, String.join("\n", visible));
    }

    /** A sentence pointing to further reading: the link arrives whole, in the second of two deltas. */
    static Block link(Random random, Phrasebook book) {
        String leadIn = book.written(book.pick(random, Part.LINK_LEAD_IN)) + book.space();
        String[] link = book.pick(random, Part.LINK).split("\\|");
        String text = book.written(link[0]);
        return new Block(
                List.of(leadIn, "[" + text + "](https://example.com/" + link[1] + ")" + book.fullStop() + BLANK_LINE),
                leadIn + text + book.fullStop());
    }

    private static String row(String[] cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static int firstUnitLength(Phrasebook book, String written) {
        int space = written.indexOf(' ');
        if (book.space().isEmpty() || space < 0) {
            return Math.min(2, written.length() - 1);
        }
        return space + 1;
    }
}
