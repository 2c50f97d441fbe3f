package io.chatstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every route file parses and yields the documented route ids (typos fail here, not at deploy time). */
class RoutesLoadTest {

    @Test
    @DisplayName("all YAML flows load with their route ids")
    void loadsAllRoutes() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getPropertiesComponent().setInitialProperties(new Properties());
            var files = new PathMatchingResourcePatternResolver().getResources("classpath:camel/*.camel.yaml");
            for (var file : files) {
                Resource r = ResourceHelper.fromString(file.getFilename(),
                        new String(file.getInputStream().readAllBytes()));
                PluginHelper.getRoutesLoader(ctx).loadRoutes(r);
            }
            assertThat(ctx.getRouteDefinitions()).extracting(d -> d.getRouteId()).containsExactlyInAnyOrder(
                    "query-project-prompt", "query-project-answer", "query-grpc", "query-stream-answer",
                    "query-session-messages", "query-list-sessions", "query-search-messages", "query-list-models", "query-project-model-catalog",
                    "query-project-session-change");
        }
    }
}
