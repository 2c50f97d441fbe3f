package io.chatstream.gateway.backend.application;

import java.util.List;
import java.util.Optional;

/** The models people may choose now, in the order offered, and the default; empty before the first catalog. */
public record ModelChoices(List<ModelChoice> models, String defaultModel) {

    public ModelChoices {
        models = List.copyOf(models);
        defaultModel = defaultModel == null ? "" : defaultModel;
    }

    /** The model named {@code id}, or the default for a blank id; empty when not offered. */
    public Optional<ModelChoice> find(String id) {
        String wanted = id == null || id.isBlank() ? defaultModel : id;
        return models.stream().filter(m -> m.id().equals(wanted)).findFirst();
    }
}
