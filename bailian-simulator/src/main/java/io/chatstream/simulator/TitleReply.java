package io.chatstream.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic titles for the worker's title requests: a system message that speaks of a title
 * ({@code title} or {@code 标题}) and a last user message framed as {@code "First message:\n<prompt>\n\nFirst
 * answer:\n<answer>"}. The title comes from the first prompt alone, markers and Markdown left out: with Han
 * characters, its first {@value #MAX_HAN} Han characters; else its first words (at most {@value #MAX_WORDS}) in
 * Title Case, within {@value #MAX_LENGTH} characters.
 */
final class TitleReply {

    static final int MAX_HAN = 12;
    static final int MAX_WORDS = 5;
    static final int MAX_LENGTH = 30;
    static final String PROMPT_HEADING = "First message:\n";
    static final String ANSWER_HEADING = "\n\nFirst answer:";
    /** The title of a first prompt with no words at all. */
    static final String UNTITLED = "New Conversation";

    private static final Pattern MARKER = Pattern.compile("\\[sim:[^\\]]*]");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

    private TitleReply() {
    }

    /** Whether {@code request} asks for a title (see the class comment). */
    static boolean isTitleRequest(GenerationRequest request) {
        return !systemText(request).isEmpty() && request.lastUserText().startsWith(PROMPT_HEADING)
                && (systemText(request).toLowerCase(Locale.ROOT).contains("title") || systemText(request).contains("标题"));
    }

    /** The system messages' text: where a title request's markers are read from (the prompt's are quoted). */
    static String systemText(GenerationRequest request) {
        StringBuilder text = new StringBuilder();
        for (GenerationRequest.Message message : request.messages()) {
            if ("system".equals(message.role())) {
                text.append(message.text()).append('\n');
            }
        }
        return text.toString().strip();
    }

    /** The title for a title request, empty for any other request. */
    static Optional<String> of(GenerationRequest request) {
        if (!isTitleRequest(request)) {
            return Optional.empty();
        }
        String framed = request.lastUserText().substring(PROMPT_HEADING.length());
        int end = framed.indexOf(ANSWER_HEADING);
        return Optional.of(fromPrompt(end < 0 ? framed : framed.substring(0, end)));
    }

    static String fromPrompt(String prompt) {
        String text = MARKER.matcher(prompt).replaceAll(" ");
        if (CjkText.containsHan(text)) {
            StringBuilder han = new StringBuilder();
            text.codePoints().filter(CjkText::isHan).limit(MAX_HAN).forEach(han::appendCodePoint);
            return han.toString();
        }
        List<String> words = new ArrayList<>();
        int length = 0;
        Matcher matcher = WORD.matcher(text);
        while (matcher.find() && words.size() < MAX_WORDS) {
            String word = titleCase(matcher.group());
            int added = words.isEmpty() ? word.length() : word.length() + 1;
            if (length + added > MAX_LENGTH) {
                if (words.isEmpty()) {
                    words.add(word.substring(0, word.offsetByCodePoints(0, Math.min(MAX_LENGTH,
                            word.codePointCount(0, word.length())))));
                }
                break;
            }
            words.add(word);
            length += added;
        }
        return words.isEmpty() ? UNTITLED : String.join(" ", words);
    }

    private static String titleCase(String word) {
        int first = word.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                .append(word.substring(Character.charCount(first))).toString();
    }
}
