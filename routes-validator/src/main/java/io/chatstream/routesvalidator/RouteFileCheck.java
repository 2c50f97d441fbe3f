package io.chatstream.routesvalidator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/** The checks of one route file; each returns its problems as one-line messages (empty = fine). */
final class RouteFileCheck {

    static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");
    private static final Set<String> REST_VERBS = Set.of("get", "post", "put", "patch", "delete", "head");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final JsonSchema schema;

    RouteFileCheck() throws IOException {
        try (InputStream in = org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader.class.getClassLoader()
                .getResourceAsStream("schema/camelYamlDsl.json")) {
            if (in == null) {
                throw new IOException("schema/camelYamlDsl.json is missing from camel-yaml-dsl");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    /** The parsed file, or null with a problem added. */
    JsonNode parse(Path file, List<String> problems) {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                problems.add("the file is empty");
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            problems.add("YAML syntax: " + oneLine(e.getOriginalMessage()) + location(e));
        } catch (IOException e) {
            problems.add("cannot read: " + e.getMessage());
        }
        return null;
    }

    /**
     * Camel reads scalars leniently: {@code maximumRedeliveries: "{{chat.x}}"} is a number once the
     * placeholder is resolved, {@code constant: true} a string. The schema is strict about JSON types,
     * so such scalars are coerced to the expected type (on a copy) before the remaining errors count.
     */
    void schema(JsonNode node, List<String> problems) {
        JsonNode copy = node.deepCopy();
        Set<ValidationMessage> errors = schema.validate(copy);
        for (int pass = 0; pass < 20 && coerce(copy, errors); pass++) {
            errors = schema.validate(copy);
        }
        errors.stream().map(m -> "schema: " + m.getMessage()).sorted().limit(8).forEach(problems::add);
        if (errors.size() > 8) {
            problems.add("schema: … and " + (errors.size() - 8) + " more");
        }
    }

    private static boolean coerce(JsonNode root, Set<ValidationMessage> errors) {
        boolean changed = false;
        for (ValidationMessage m : errors) {
            if (!"type".equals(m.getType()) || m.getInstanceLocation().getNameCount() == 0) {
                continue;
            }
            JsonNode value = m.getInstanceNode();
            String message = m.getMessage();
            JsonNode replacement = null;
            if (value != null && value.isTextual() && value.asText().contains("{{")) {
                if (message.contains("integer expected") || message.contains("number expected")) {
                    replacement = com.fasterxml.jackson.databind.node.IntNode.valueOf(1);
                } else if (message.contains("boolean expected")) {
                    replacement = com.fasterxml.jackson.databind.node.BooleanNode.TRUE;
                }
            } else if (value != null && (value.isBoolean() || value.isNumber()) && message.contains("string expected")) {
                replacement = com.fasterxml.jackson.databind.node.TextNode.valueOf(value.asText());
            }
            if (replacement != null && replace(root, m.getInstanceLocation(), replacement)) {
                changed = true;
            }
        }
        return changed;
    }

    private static boolean replace(JsonNode root, com.networknt.schema.JsonNodePath path, JsonNode replacement) {
        JsonNode parent = root;
        int n = path.getNameCount();
        for (int i = 0; i < n - 1; i++) {
            Object element = path.getElement(i);
            parent = element instanceof Integer index ? parent.path(index) : parent.path(element.toString());
        }
        Object last = path.getElement(n - 1);
        if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !(last instanceof Integer)) {
            object.set(last.toString(), replacement);
            return true;
        }
        if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode array && last instanceof Integer index) {
            array.set(index, replacement);
            return true;
        }
        return false;
    }

    /** Camel's own YAML routes loader (parses every EIP and endpoint; starts nothing). */
    void load(Path file, List<String> problems) {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(ctx).loadRoutes(
                    ResourceHelper.resolveResource(ctx, "file:" + file.toAbsolutePath()));
        } catch (Exception e) {
            problems.add("Camel cannot load it: " + rootMessage(e));
        }
    }

    /** Route, route configuration and REST ids: present, kebab-case, {@code <service>-…}. */
    List<String> ids(JsonNode node, String service, List<String> problems) {
        List<String> ids = new ArrayList<>();
        if (!node.isArray()) {
            return ids;
        }
        for (JsonNode item : node) {
            Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String kind = field.getKey();
                JsonNode body = field.getValue();
                switch (kind) {
                    case "route", "routeConfiguration", "rest", "routeTemplate" -> {
                        id(kind, body.path("id"), service, ids, problems);
                        if (kind.equals("rest")) {
                            for (String verb : REST_VERBS) {
                                for (JsonNode op : body.path(verb)) {
                                    id("rest " + verb, op.path("id"), service, ids, problems);
                                }
                            }
                        }
                    }
                    case "from" -> problems.add("a route without an id (use '- route: {id: …, from: …}')");
                    default -> {
                        // beans, errorHandler, … carry no route id
                    }
                }
            }
        }
        return ids;
    }

    private static void id(String kind, JsonNode id, String service, List<String> ids, List<String> problems) {
        if (id.isMissingNode() || id.asText().isBlank()) {
            problems.add(kind + " without an id");
            return;
        }
        String value = id.asText();
        if (!KEBAB.matcher(value).matches()) {
            problems.add(kind + " id '" + value + "' is not kebab-case (lower-case words joined by '-')");
        } else if (service != null && !value.startsWith(service + "-")) {
            problems.add(kind + " id '" + value + "' does not start with the service name '" + service + "-'");
        }
        ids.add(value);
    }

    /** Every {{placeholder}} without a default is a property of the service's application.yml. */
    void placeholders(Path file, ServiceConfig config, List<String> problems) throws IOException {
        String text = withoutComments(Files.readString(file));
        Matcher m = PLACEHOLDER.matcher(text);
        Set<String> reported = new java.util.TreeSet<>();
        while (m.find()) {
            String key = m.group(1).strip();
            if (key.startsWith("?")) {
                continue;
            }
            int colon = key.indexOf(':');
            if (colon >= 0) {
                // {{key:default}} has a default; {{env:X}} and friends are functions
                continue;
            }
            if (!config.defines(key) && reported.add(key)) {
                int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                problems.add("line " + line + ": placeholder {{" + key + "}} is not defined in " + config.file());
            }
        }
    }

    /** Comment text blanked out (lines kept, so line numbers stay right). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int hash = line.strip().startsWith("#") ? line.indexOf('#') : line.indexOf(" #");
            out.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
        }
        return out.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = String.valueOf(e.getMessage());
        return oneLine(root == e || top.contains(String.valueOf(root.getMessage())) ? top
                : top + " (" + root.getMessage() + ")");
    }

    static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s+", " ").strip();
    }
}
