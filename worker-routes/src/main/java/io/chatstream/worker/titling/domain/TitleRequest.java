package io.chatstream.worker.titling.domain;

/**
 * What the model is asked for a title: the instruction (ops' setting), and the first prompt and answer,
 * each cut to a budget so a long first turn costs little. The frame of the message is fixed (the
 * simulator reads the first prompt back from it).
 */
public record TitleRequest(String instruction, String conversation) {

    /** Starts the message; the first prompt follows on the next line. */
    public static final String PROMPT_HEADING = "First message:";
    /** Separates the first prompt from the first answer. */
    public static final String ANSWER_HEADING = "First answer:";

    public static TitleRequest of(String instruction, String prompt, String answer, int maxCharsEach) {
        String conversation = PROMPT_HEADING + "\n" + cut(prompt, maxCharsEach) + "\n\n"
                + ANSWER_HEADING + "\n" + cut(answer, maxCharsEach);
        return new TitleRequest(instruction == null ? "" : instruction.strip(), conversation);
    }

    static String cut(String text, int maxChars) {
        String s = text == null ? "" : text.strip();
        if (maxChars < 1 || s.codePointCount(0, s.length()) <= maxChars) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxChars));
    }
}
