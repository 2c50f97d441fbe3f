package io.chatstream.worker.answering.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models people may choose, in the order the page offers them, and the default one, which a
 * prompt naming no model is answered with. Ops write it in the answer policy as text, one model per
 * entry, entries separated by ';' or new lines, fields by '|':
 *
 * <pre>{@code id | display name | capabilities | context tokens}</pre>
 *
 * Capabilities, separated by spaces or commas: {@code thinking} (on request), {@code thinking-default}
 * (on request, on by default), {@code thinking-only} (always thinks), {@code vision}; none of the
 * thinking ones means the model cannot think. Only the id is required. An unusable entry is skipped
 * and reported in {@link Parsed#problems()}; the default model is always offered, first if the
 * catalog left it out.
 */
public record ModelCatalog(List<OfferedModel> models, String defaultModel) {

    /** The longest model id accepted (DashScope's names are far shorter). */
    public static final int MAX_ID_LENGTH = 64;
    /** The most models a catalog offers; later entries are reported and skipped. */
    public static final int MAX_MODELS = 50;

    public ModelCatalog {
        models = List.copyOf(models);
        if (models.stream().noneMatch(model -> model.id().equals(defaultModel))) {
            throw new IllegalArgumentException("the default model " + defaultModel + " is not in the catalog");
        }
    }

    /** A catalog and what was wrong with its text. */
    public record Parsed(ModelCatalog catalog, List<String> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Only the default model, as the catalog when none is published. */
    public static ModelCatalog only(String defaultModel) {
        return new ModelCatalog(List.of(OfferedModel.unlisted(defaultModel)), defaultModel);
    }

    /** Reads the catalog text; {@code defaultModel} must be a valid id. */
    public static Parsed parse(String text, String defaultModel) {
        if (!validId(defaultModel)) {
            throw new IllegalArgumentException("not a model id: " + defaultModel);
        }
        List<String> problems = new ArrayList<>();
        Map<String, OfferedModel> byId = new LinkedHashMap<>();
        for (String entry : (text == null ? "" : text).split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            Optional<OfferedModel> model = entry(entry.strip(), problems);
            if (model.isEmpty()) {
                continue;
            }
            if (byId.containsKey(model.get().id())) {
                problems.add("model " + model.get().id() + " is listed twice; the first entry applies");
            } else if (byId.size() == MAX_MODELS) {
                problems.add("more than " + MAX_MODELS + " models; " + model.get().id() + " is left out");
            } else {
                byId.put(model.get().id(), model.get());
            }
        }
        List<OfferedModel> models = new ArrayList<>(byId.values());
        if (!byId.containsKey(defaultModel)) {
            models.add(0, OfferedModel.unlisted(defaultModel));
        }
        return new Parsed(new ModelCatalog(models, defaultModel), problems);
    }

    /** The model a prompt naming {@code requested} is answered with: blank = the default; empty when not offered. */
    public Optional<OfferedModel> find(String requested) {
        String id = requested == null || requested.isBlank() ? defaultModel : requested.strip();
        return models.stream().filter(model -> model.id().equals(id)).findFirst();
    }

    /** The default model's entry. */
    public OfferedModel defaultEntry() {
        return find(defaultModel).orElseThrow();
    }

    private static Optional<OfferedModel> entry(String entry, List<String> problems) {
        String[] fields = entry.split("\\|", -1);
        String id = fields[0].strip();
        if (!validId(id) || fields.length > 4) {
            problems.add("not a model entry (id | display name | capabilities | context tokens): " + entry);
            return Optional.empty();
        }
        String displayName = fields.length > 1 ? fields[1].strip() : "";
        OfferedModel.Thinking thinking = OfferedModel.Thinking.NONE;
        boolean vision = false;
        if (fields.length > 2) {
            for (String capability : fields[2].strip().toLowerCase(Locale.ROOT).split("[\\s,]+")) {
                switch (capability) {
                    case "" -> { }
                    case "thinking" -> thinking = OfferedModel.Thinking.OPTIONAL;
                    case "thinking-default" -> thinking = OfferedModel.Thinking.DEFAULT;
                    case "thinking-only" -> thinking = OfferedModel.Thinking.ALWAYS;
                    case "vision" -> vision = true;
                    default -> problems.add("model " + id + ": unknown capability " + capability + " (ignored)");
                }
            }
        }
        int contextTokens = 0;
        if (fields.length > 3 && !fields[3].isBlank()) {
            try {
                contextTokens = Integer.parseInt(fields[3].strip());
            } catch (NumberFormatException e) {
                problems.add("model " + id + ": context tokens " + fields[3].strip() + " is not a whole number (ignored)");
            }
            if (contextTokens < 0) {
                problems.add("model " + id + ": context tokens must not be negative (ignored)");
                contextTokens = 0;
            }
        }
        return Optional.of(new OfferedModel(id, displayName.length() > 80 ? displayName.substring(0, 80) : displayName,
                thinking, vision, contextTokens));
    }

    /** A provider model name: letters, digits, '.', '_', '-', at most {@link #MAX_ID_LENGTH}. */
    public static boolean validId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH && id.matches("[A-Za-z0-9._-]+");
    }
}
