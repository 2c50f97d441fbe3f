package io.chatstream.query.models.interfaces;

import io.chatstream.contracts.EventJson;
import io.chatstream.contracts.UnreadableEventException;
import io.chatstream.proto.v1.ModelInfo;
import io.chatstream.query.models.application.OfferedModels;
import io.chatstream.query.models.domain.ModelCatalog;
import io.chatstream.query.models.domain.OfferedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The step of route {@code query-project-model-catalog}: a ModelCatalog record replaces the catalog
 * offered. An unreadable or empty one is logged and skipped (the catalog before it stays).
 */
public final class ModelCatalogProjection {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalogProjection.class);

    private final OfferedModels models;

    public ModelCatalogProjection(OfferedModels models) {
        this.models = models;
    }

    public void apply(String payload) {
        io.chatstream.proto.v1.ModelCatalog event;
        try {
            event = EventJson.read(payload, io.chatstream.proto.v1.ModelCatalog.getDefaultInstance());
        } catch (UnreadableEventException e) {
            LOG.warn("skipping an unreadable model catalog: {}", e.getMessage());
            return;
        }
        if (event.getModelsCount() == 0 || event.getDefaultModel().isBlank()) {
            LOG.warn("skipping a model catalog without models or default model (event {})", event.getEventId());
            return;
        }
        models.replaceWith(new ModelCatalog(event.getModelsList().stream().map(ModelCatalogProjection::model).toList(),
                event.getDefaultModel()));
        LOG.info("offering {} models (default {})", event.getModelsCount(), event.getDefaultModel());
    }

    private static OfferedModel model(ModelInfo m) {
        return new OfferedModel(m.getId(), m.getDisplayName().isBlank() ? m.getId() : m.getDisplayName(),
                m.getThinking().isBlank() ? "none" : m.getThinking(), m.getVision(), m.getContextTokens());
    }
}
