package io.chatstream.query.models.infrastructure;

import io.chatstream.query.models.application.OfferedModels;
import io.chatstream.query.models.interfaces.ModelCatalogProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the offered models and the projection of the worker's catalog records into them. */
@Configuration(proxyBeanMethods = false)
public class ModelsConfiguration {

    @Bean
    OfferedModels offeredModels() {
        return new OfferedModels();
    }

    @Bean
    ModelCatalogProjection modelCatalogProjection(OfferedModels models) {
        return new ModelCatalogProjection(models);
    }
}
