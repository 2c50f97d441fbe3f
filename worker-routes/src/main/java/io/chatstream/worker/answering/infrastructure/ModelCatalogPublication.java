package io.chatstream.worker.answering.infrastructure;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.ModelInfo;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import io.chatstream.worker.answering.domain.ModelCatalog;
import io.chatstream.worker.answering.domain.OfferedModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of the route {@code worker-publish-model-catalog}: after the answer policy ran on an
 * exchange, {@link #changed} turns its catalog into a {@code ModelCatalog} event when it differs from
 * what this instance last published (or that is older than {@code republishEvery}, so the catalog
 * outlives any retention), and {@link #published} records it once Kafka has it. A failed send is
 * tried again on the next tick.
 */
public final class ModelCatalogPublication {

    /** The exchange property holding the catalog on its way to Kafka. */
    static final String PENDING = "chatModelCatalog";

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalogPublication.class);

    private final LiveAnswerSettings<Exchange> settings;
    private final Duration republishEvery;
    private final Clock clock;
    private volatile ModelCatalog published;
    private volatile Instant publishedAt = Instant.MIN;

    public ModelCatalogPublication(LiveAnswerSettings<Exchange> settings, Duration republishEvery, Clock clock) {
        this.settings = settings;
        this.republishEvery = republishEvery;
        this.clock = clock;
    }

    /** The event to publish as the body, or a null body when the catalog is already out. */
    public void changed(Exchange exchange) {
        ModelCatalog catalog = settings.read(exchange).catalog();
        Instant now = clock.instant();
        if (catalog.equals(published) && now.isBefore(publishedAt.plus(republishEvery))) {
            exchange.getMessage().setBody(null);
            return;
        }
        exchange.setProperty(PENDING, catalog);
        exchange.getMessage().setBody(EventJson.write(event(catalog, now)));
    }

    /** Kafka has the catalog on the exchange. */
    public void published(Exchange exchange) {
        ModelCatalog catalog = exchange.getProperty(PENDING, ModelCatalog.class);
        if (!catalog.equals(published)) {
            LOG.info("published the model catalog: {} (default {})",
                    catalog.models().stream().map(OfferedModel::id).toList(), catalog.defaultModel());
        }
        published = catalog;
        publishedAt = clock.instant();
    }

    static io.chatstream.proto.v1.ModelCatalog event(ModelCatalog catalog, Instant now) {
        io.chatstream.proto.v1.ModelCatalog.Builder event = io.chatstream.proto.v1.ModelCatalog.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setDefaultModel(catalog.defaultModel())
                .setPublishedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
        for (OfferedModel model : catalog.models()) {
            event.addModels(ModelInfo.newBuilder()
                    .setId(model.id())
                    .setDisplayName(model.displayName())
                    .setThinking(model.thinking().wireName())
                    .setVision(model.vision())
                    .setContextTokens(model.contextTokens()));
        }
        return event.build();
    }
}
