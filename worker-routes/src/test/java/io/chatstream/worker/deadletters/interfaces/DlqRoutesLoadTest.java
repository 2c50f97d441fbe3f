package io.chatstream.worker.deadletters.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DlqRoutesLoadTest {

    @Test
    @DisplayName("the DLQ flows parse and declare the worker-dlq-* route ids, every ops route behind the guard")
    void routesLoad() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getPropertiesComponent().setInitialProperties(new Properties());
            for (String file : new String[] {"dlq-index", "dlq-ops"}) {
                PluginHelper.getRoutesLoader(ctx).loadRoutes(
                        ResourceHelper.resolveResource(ctx, "classpath:camel/" + file + ".camel.yaml"));
            }
            assertThat(ctx.getRouteDefinitions()).extracting(RouteDefinition::getRouteId).contains(
                    "worker-dlq-index", "worker-dlq-audit", "worker-dlq-list", "worker-dlq-entry", "worker-dlq-replay");
            assertThat(ctx.getRestDefinitions()).hasSize(1);
            assertThat(ctx.getRouteDefinitions()).filteredOn(r -> r.getRouteId().matches("worker-dlq-(list|entry|replay)"))
                    .allSatisfy(r -> assertThat(r.toString())
                            .containsPattern("\\]\\]\\], Bean\\[ref:opsGuard method:authenticate\\], .*Bean\\[ref:dlqOpsApi"));
        }
    }
}
