package io.chatstream.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.ListModelsRequest;
import io.chatstream.proto.v1.ListModelsResponse;
import io.chatstream.proto.v1.ModelCatalog;
import io.chatstream.proto.v1.ModelInfo;
import java.time.Duration;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ListModels over gRPC: the latest ModelCatalog record on the real Kafka topic, unreadable ones skipped. */
class ModelCatalogIT extends QueryServiceItBase {

    private static ModelInfo model(String id, String name, String thinking) {
        return ModelInfo.newBuilder().setId(id).setDisplayName(name).setThinking(thinking).setContextTokens(1000)
                .build();
    }

    private static void publish(String payload) throws Exception {
        producer.send(new ProducerRecord<>("chat.model.catalog", "catalog", payload)).get();
    }

    private ListModelsResponse models() {
        return stub().listModels(ListModelsRequest.getDefaultInstance());
    }

    @Test
    @DisplayName("offers the latest catalog published; an unreadable or empty record leaves it as it was")
    void latestCatalog() throws Exception {
        ModelCatalog first = ModelCatalog.newBuilder().setEventId("e1").setDefaultModel("qwen-plus")
                .addModels(model("qwen-plus", "Qwen-Plus", "optional")).build();
        ModelCatalog second = ModelCatalog.newBuilder().setEventId("e2").setDefaultModel("qwen-max")
                .addModels(model("qwen-max", "Qwen-Max", "none")).addModels(model("qwq-plus", "QwQ-Plus", "always"))
                .build();

        publish(EventJson.write(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> models().getDefaultModel().equals("qwen-plus"));
        assertThat(models().getModelsList()).containsExactlyElementsOf(first.getModelsList());

        publish("{not json");
        publish(EventJson.write(ModelCatalog.newBuilder().setEventId("e3").build()));
        publish(EventJson.write(second));
        // The bad records were skipped (the consumer did not stall on them) and did not empty the catalog.
        await().atMost(Duration.ofSeconds(30)).until(() -> models().getDefaultModel().equals("qwen-max"));
        assertThat(models().getModelsList()).containsExactlyElementsOf(second.getModelsList());
    }
}
