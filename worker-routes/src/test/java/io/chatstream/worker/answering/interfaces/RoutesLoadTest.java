package io.chatstream.worker.answering.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoutesLoadTest {

    @Test
    @DisplayName("every YAML flow parses and declares the expected route ids")
    void routesLoad() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            Properties props = new Properties();
            props.put("chat.worker.redeliveries", "1");
            ctx.getPropertiesComponent().setInitialProperties(props);
            for (String file : new String[] {"error-handling", "answer-prompt", "answer-policy", "cancel-prompt"}) {
                PluginHelper.getRoutesLoader(ctx).loadRoutes(
                        ResourceHelper.resolveResource(ctx, "classpath:camel/" + file + ".camel.yaml"));
            }
            assertThat(ctx.getRouteDefinitions()).extracting(r -> r.getRouteId()).containsExactlyInAnyOrder(
                    "worker-answer-prompt", "worker-answer-prompt-publish", "worker-answer-prompt-dead-letter",
                    "worker-answer-policy", "worker-cancel-prompt");
        }
    }
}
