package io.chatstream.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The route files")
class RoutesYamlTest {

    private static final List<String> FILES = List.of("error-handling", "grpc-entry", "submit-prompt",
            "cancel-prompt", "rename-session", "pin-session", "delete-session", "get-prompt-status", "record-answer",
            "outbox-relay");

    @Test
    @DisplayName("load, and declare the documented route ids and error handling")
    void load() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            for (String file : FILES) {
                Resource resource = ResourceHelper.resolveMandatoryResource(context, "classpath:camel/" + file + ".camel.yaml");
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
            }
            ModelCamelContext model = context;

            assertThat(model.getRouteDefinitions()).extracting(RouteDefinition::getRouteId).containsExactlyInAnyOrder(
                    "command-grpc-entry", "command-submit-prompt", "command-cancel-prompt", "command-record-answer",
                    "command-rename-session", "command-pin-session", "command-delete-session", "command-get-prompt-status",
                    "command-outbox-relay-poll", "command-outbox-relay", "command-outbox-cleanup");
            assertThat(model.getRouteConfigurationDefinitions()).extracting(RouteConfigurationDefinition::getId)
                    .containsExactlyInAnyOrder("command-relay-errors", "command-consumer-errors");
            assertThat(model.getRouteDefinition("command-outbox-relay").getRouteConfigurationId())
                    .isEqualTo("command-relay-errors");
            assertThat(model.getRouteDefinition("command-record-answer").getInput().getEndpointUri())
                    .contains("{{chat.topics.answer-completed}}");
        }
    }
}
