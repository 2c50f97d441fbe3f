package io.chatstream.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The words of generated answers in one language and how to string them into sentences. Every
 * entry is a phrase whose units (the pieces a delta may break between) are separated by single
 * spaces; English joins units with a space, Chinese with nothing.
 */
final class Phrasebook {

    /**
     * The kinds of phrases a language supplies. Most are plain phrases; {@code LINK} entries are
     * {@code text|path}, {@code TABLE_HEADER} entries {@code column|column|column} and {@code SETTING}
     * entries {@code name|typical value}.
     */
    enum Part {
        OPENER, SUBJECT, ADVERB, VERB, OBJECT, TAIL, CONJUNCTION, THINKING_OPENER,
        HEADING, KEY, STEP_VERB, CODE_LEAD_IN, LINK_LEAD_IN, LINK, TABLE_HEADER, SETTING
    }

    private static final Phrasebook ENGLISH = new Phrasebook(true, ",", ": ", ".", EnglishWords.all());
    private static final Phrasebook CHINESE = new Phrasebook(false, "，", "：", "。", ChineseWords.all());

    private final boolean spaced;
    private final String comma;
    private final String colon;
    private final String fullStop;
    private final Map<Part, String[]> words;

    private Phrasebook(boolean spaced, String comma, String colon, String fullStop, Map<Part, String[]> words) {
        this.spaced = spaced;
        this.comma = comma;
        this.colon = colon;
        this.fullStop = fullStop;
        this.words = new EnumMap<>(words);
        for (Part part : Part.values()) {
            if (this.words.getOrDefault(part, new String[0]).length == 0) {
                throw new IllegalStateException("no words for " + part);
            }
        }
    }

    /** Chinese for a prompt with Han characters in it, English otherwise. */
    static Phrasebook forPrompt(String seedText) {
        return CjkText.containsHan(seedText) ? CHINESE : ENGLISH;
    }

    /** What follows a word inside a sentence: a space in English, nothing in Chinese. */
    String space() {
        return spaced ? " " : "";
    }

    String colon() {
        return colon;
    }

    String fullStop() {
        return fullStop;
    }

    String pick(Random random, Part part) {
        String[] choices = words.get(part);
        return choices[random.nextInt(choices.length)];
    }

    /** The entry at {@code index}, counting round: consecutive indexes give distinct entries. */
    String pickAt(Part part, int index) {
        String[] choices = words.get(part);
        return choices[Math.floorMod(index, choices.length)];
    }

    /** A phrase as it is written: its units joined. */
    String written(String phrase) {
        return spaced ? phrase : phrase.replace(" ", "");
    }

    List<String> units(String phrase) {
        return Arrays.asList(phrase.split(" "));
    }

    /** One sentence as words, each followed by its separator; the last ends with the full stop. */
    List<String> sentence(Random random) {
        List<String> units = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            units.addAll(units(pick(random, Part.OPENER)));
        }
        clause(random, units);
        if (random.nextInt(4) == 0) {
            appendToLast(units, comma);
            units.addAll(units(pick(random, Part.CONJUNCTION)));
            clause(random, units);
        } else if (random.nextInt(2) == 0) {
            if (!spaced) {
                appendToLast(units, comma);
            }
            units.addAll(units(pick(random, Part.TAIL)));
        }
        return finished(units);
    }

    /** The sentence a train of thought starts with. */
    List<String> thinkingOpener(Random random) {
        return withSpaces(units(pick(random, Part.THINKING_OPENER)));
    }

    /** A verb and its object, e.g. "keeps every chunk in order": bullet points and table cells. */
    String predicate(Random random) {
        return written(pick(random, Part.VERB) + " " + pick(random, Part.OBJECT));
    }

    /** An instruction, e.g. "Send the first prompt": numbered steps and code comments. */
    String step(Random random) {
        return capitalized(written(pick(random, Part.STEP_VERB) + " " + pick(random, Part.OBJECT)));
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void clause(Random random, List<String> units) {
        units.addAll(units(pick(random, Part.SUBJECT)));
        if (random.nextInt(spaced ? 4 : 2) == 0) {
            units.addAll(units(pick(random, Part.ADVERB)));
        }
        units.addAll(units(pick(random, Part.VERB)));
        units.addAll(units(pick(random, Part.OBJECT)));
    }

    private List<String> finished(List<String> units) {
        units.set(0, capitalized(units.get(0)));
        appendToLast(units, fullStop);
        return withSpaces(units);
    }

    private List<String> withSpaces(List<String> units) {
        List<String> words = new ArrayList<>(units.size());
        for (String unit : units) {
            words.add(unit + space());
        }
        return words;
    }

    private static void appendToLast(List<String> units, String suffix) {
        units.set(units.size() - 1, units.get(units.size() - 1) + suffix);
    }
}
