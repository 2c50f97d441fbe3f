package io.chatstream.routesvalidator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A service's application.yml as the validator needs it: its property names and its service name. */
record ServiceConfig(Path file, String service, Set<String> keys) {

    static ServiceConfig read(Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Files.newBufferedReader(file))) {
            while (docs.hasNext()) {
                flatten("", docs.next(), keys);
            }
        }
        String service = null;
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(Files.newBufferedReader(file))) {
            if (docs.hasNext()) {
                JsonNode name = docs.next().at("/spring/application/name");
                service = name.isMissingNode() || name.isNull() ? null : name.asText();
            }
        }
        return new ServiceConfig(file, service, keys);
    }

    /** The application.yml next to a shipped route folder ({@code …/resources/camel/x.camel.yaml}), if any. */
    static Path nextTo(Path routeFile) {
        Path dir = routeFile.toAbsolutePath().getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("camel")) {
            Path yml = dir.getParent().resolve("application.yml");
            if (Files.isRegularFile(yml)) {
                return yml;
            }
        }
        return null;
    }

    boolean defines(String key) {
        return keys.contains(key);
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys);
            }
        } else if (node.isArray()) {
            keys.add(prefix);
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), keys);
            }
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }
}
