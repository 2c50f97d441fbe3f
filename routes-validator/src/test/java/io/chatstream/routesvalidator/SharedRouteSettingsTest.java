package io.chatstream.routesvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Route loading and live reload behave the same in every service (docs/routes.md). */
class SharedRouteSettingsTest {

    private static final List<String> SERVICES = List.of("command", "worker", "query", "gateway");

    @Test
    @DisplayName("the camel.main route settings come from service-support's chat-routes.yml, imported by the four services")
    void sameCamelMainRouteSettings() throws Exception {
        JsonNode shared = new YAMLMapper().readTree(Path.of("../service-support/src/main/resources/chat-routes.yml").toFile());
        Map<String, String> routes = routeSettings(shared);
        assertThat(routes).containsEntry("routes-reload-remove-all-routes", "false")
                .containsEntry("routes-reload-enabled", "${chat.routes.reload}")
                .containsEntry("routes-reload-directory", "${chat.routes.dir}")
                .containsEntry("routes-reload-pattern", "*.camel.yaml")
                .containsEntry("routes-include-pattern", "classpath:camel/*.camel.yaml,file:${chat.routes.dir}/*.camel.yaml");
        assertThat(shared.path("chat.routes").path("dir").asText()).isEqualTo("routes/${spring.application.name}");
        assertThat(shared.path("chat.routes").path("reload").asBoolean()).isTrue();

        for (String service : SERVICES) {
            JsonNode yml = new YAMLMapper().readTree(
                    Path.of("../" + service + "-routes/src/main/resources/application.yml").toFile());
            assertThat(yml.path("spring").path("config").path("import").asText()).as(service)
                    .contains("classpath:chat-routes.yml");
            assertThat(yml.path("spring").path("application").path("name").asText()).as(service).isEqualTo(service);
            assertThat(routeSettings(yml)).as(service + ": no copy of the shared route settings").isEmpty();
            assertThat(yml.has("chat.routes") || yml.path("chat").has("routes")).as(service).isFalse();
        }
    }

    private static Map<String, String> routeSettings(JsonNode yml) {
        Map<String, String> routes = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> main = yml.path("camel").path("main").fields();
        while (main.hasNext()) {
            Map.Entry<String, JsonNode> e = main.next();
            if (e.getKey().startsWith("routes-")) {
                routes.put(e.getKey(), e.getValue().asText());
            }
        }
        return routes;
    }

    @Test
    @DisplayName("the four services take the reload guard and the override rule from service-support, not a copy")
    void oneReloadCode() throws Exception {
        for (String service : SERVICES) {
            assertThat(Files.readString(Path.of("../" + service + "-routes/pom.xml"))).as(service)
                    .contains("<artifactId>service-support</artifactId>");
            for (String file : List.of("RouteReloadGuard", "ExternalRouteOverrides", "RouteReloadConfiguration")) {
                assertThat(Path.of("../" + service + "-routes/src/main/java/io/chatstream/" + service
                        + "/infrastructure/" + file + ".java")).as(service).doesNotExist();
            }
        }
        assertThat(Files.readString(Path.of("../service-support/src/main/resources/META-INF/spring.factories")))
                .contains("io.chatstream.support.routes.ExternalRouteOverrides");
    }
}
