package io.chatstream.worker.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.ModelCatalog;
import io.chatstream.proto.v1.ModelInfo;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Guards {@code publish-model-catalog.camel.yaml} (route {@code worker-publish-model-catalog}): on a timer it
 * runs the answer policy and publishes the catalog found there to chat.topics.model-catalog under the key
 * "catalog", once per change.
 */
@DisplayName("publish-model-catalog.camel.yaml")
class PublishModelCatalogRouteTest extends WorkerRouteHarness {

    private static final String ROUTE = "worker-publish-model-catalog";

    @Test
    @DisplayName("ticks at chat.models.publish-interval from the start and reads the catalog through the answer policy")
    void ticksThroughThePolicy() {
        ShippedRoute route = shipped(ROUTE);

        assertThat(ShippedRoute.withoutOptions(route.from())).isEqualTo("timer:model-catalog");
        assertThat(route.fromOptions()).containsEntry("period", property("chat.models.publish-interval"));
        assertThat(route.sentTo()).contains("direct:answer-prompt-policy");
    }

    @Test
    @DisplayName("publishes the policy's catalog (models in order, capabilities, default) keyed 'catalog', then not again")
    void publishesOncePerChange() throws Exception {
        Exchange first = deliver(ROUTE, null);
        Exchange second = deliver(ROUTE, null);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(kafkaOf(ROUTE).getReceivedExchanges()).hasSize(1);
        Exchange sent = kafkaOf(ROUTE).getReceivedExchanges().get(0);
        assertThat(sent.getMessage().getHeader("kafka.KEY")).isEqualTo("catalog");
        ModelCatalog catalog = EventJson.read(sent.getMessage().getBody(String.class),
                ModelCatalog.getDefaultInstance());
        assertThat(catalog.getDefaultModel()).isEqualTo("qwen-route-test");
        assertThat(catalog.getModelsList()).containsExactly(
                ModelInfo.newBuilder().setId("qwen-route-test").setDisplayName("Route Test").setThinking("optional")
                        .setContextTokens(1000).build(),
                ModelInfo.newBuilder().setId("qwq-route-test").setDisplayName("qwq-route-test").setThinking("always")
                        .build());
        assertThat(catalog.getEventId()).isNotBlank();
        assertThat(catalog.hasPublishedAt()).isTrue();
    }
}
