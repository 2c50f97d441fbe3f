package io.chatstream.worker.answering.infrastructure.bailian;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which models DashScope serves only on its multimodal endpoint ({@code multimodal-generation}).
 * LangChain4j routes by name alone ({@code -vl-}, {@code -audio-}, {@code -omni-}), which misses
 * families such as Qwen3.5 or QVQ; a model matching one of the configured patterns
 * ({@code chat.bailian.multimodal-models}, {@code *} = any characters) is sent there explicitly.
 */
final class MultimodalModels {

    private final List<Pattern> patterns;

    MultimodalModels(List<String> globs) {
        this.patterns = (globs == null ? List.<String>of() : globs).stream()
                .filter(g -> g != null && !g.isBlank())
                .map(MultimodalModels::toPattern)
                .toList();
    }

    boolean servedOnlyMultimodal(String model) {
        String name = model == null ? "" : model.trim().toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static Pattern toPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.trim().toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (regex.length() > 0 || glob.trim().startsWith("*")) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
