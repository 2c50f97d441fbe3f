package io.chatstream.query.models.domain;

import java.util.List;

/** The models people may choose, in the order offered, and the one a prompt naming none gets. */
public record ModelCatalog(List<OfferedModel> models, String defaultModel) {

    /** Before the first catalog reached this service. */
    public static final ModelCatalog NONE = new ModelCatalog(List.of(), "");

    public ModelCatalog {
        models = List.copyOf(models);
        defaultModel = defaultModel == null ? "" : defaultModel;
    }
}
