package io.chatstream.localstack;

import static io.chatstream.localstack.ComposeFiles.environment;
import static io.chatstream.localstack.ComposeFiles.flatten;
import static io.chatstream.localstack.ComposeFiles.healthcheck;
import static io.chatstream.localstack.ComposeFiles.integer;
import static io.chatstream.localstack.ComposeFiles.list;
import static io.chatstream.localstack.ComposeFiles.map;
import static io.chatstream.localstack.ComposeFiles.read;
import static io.chatstream.localstack.ComposeFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.localinfra.ChatTopics;
import io.chatstream.localinfra.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be started on the development machines (no Docker engine), so it is
 * checked against the code it deploys: files it references, environment names, ports, topics,
 * credentials, and the Prometheus / Grafana / collector configuration it mounts.
 */
class ComposeConsistencyTest {

    /** compose service -> module directory, for the four services. */
    static final Map<String, String> SERVICES = Map.of(
            "gateway", "gateway-routes", "command", "command-routes",
            "worker", "worker-routes", "query", "query-routes");

    /** Standard Spring Boot / JVM variables a service may get without its application.yml naming them. */
    static final Set<String> STANDARD_VARIABLES = Set.of(
            "SPRING_PROFILES_ACTIVE", "SERVER_PORT", "JAVA_TOOL_OPTIONS",
            "LOGGING_STRUCTURED_FORMAT_CONSOLE", "MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
            "MANAGEMENT_OTLP_TRACING_ENDPOINT");

    static Path root;
    static Map<String, Object> services;

    @BeforeAll
    static void load() {
        root = ComposeFiles.projectRoot();
        services = map(yaml(root.resolve("docker-compose.yml")).get("services"));
    }

    static Map<String, Object> service(String name) {
        assertThat(services).as("compose services").containsKey(name);
        return map(services.get(name));
    }

    /**
     * The service's application.yml with the shared files it imports from service-support
     * ({@code spring.config.import: classpath:chat-….yml}) merged in: the configuration the service runs with.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> applicationYml(String composeService) {
        Map<String, Object> own = yaml(root.resolve(SERVICES.get(composeService)).resolve("src/main/resources/application.yml"));
        Object imports = flatten(own).get("spring.config.import");
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        if (imports != null) {
            for (String entry : imports.toString().split(",")) {
                java.nio.file.Path shared = root.resolve("service-support/src/main/resources")
                        .resolve(entry.trim().replaceFirst("^classpath:", ""));
                if (java.nio.file.Files.isRegularFile(shared)) {
                    merge(merged, yaml(shared));
                }
            }
        }
        merge(merged, own);
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested && into.get(key) instanceof Map<?, ?> existing) {
                merge((Map<String, Object>) existing, (Map<String, Object>) nested);
            } else {
                into.put(key, value instanceof Map<?, ?> nested
                        ? new java.util.LinkedHashMap<>((Map<String, Object>) nested) : value);
            }
        });
    }

    /** server.port as the container sees it: SERVER_PORT when compose sets it, else application.yml. */
    static int httpPort(String composeService) {
        String override = environment(service(composeService)).get("SERVER_PORT");
        return override != null ? integer(override) : integer(flatten(applicationYml(composeService)).get("server.port"));
    }

    static int grpcPort(String composeService) {
        String override = environment(service(composeService)).get("CHAT_GRPC_PORT");
        return override != null ? integer(override) : integer(flatten(applicationYml(composeService)).get("chat.grpc.port"));
    }

    @Test
    @DisplayName("compose parses and holds the whole topology")
    void wholeTopology() {
        assertThat(services).containsKeys("kafka", "kafka-init", "redis", "mysql", "nginx", "gateway", "command",
                "worker", "query", "bailian-simulator", "prometheus", "grafana", "otel-collector", "jaeger");
        assertThat(String.valueOf(service("kafka").get("image"))).isEqualTo("apache/kafka:3.9.1");
        assertThat(String.valueOf(service("redis").get("command"))).contains("--appendonly", "yes");
        assertThat(String.valueOf(service("mysql").get("image"))).startsWith("mysql:8");
    }

    @Test
    @DisplayName("every build context, Dockerfile and mounted file exists, and named volumes are declared")
    void referencedFilesExist() {
        Set<String> declaredVolumes = map(yaml(root.resolve("docker-compose.yml")).get("volumes")).keySet();
        services.forEach((name, node) -> {
            Map<String, Object> svc = map(node);
            Map<String, Object> build = map(svc.get("build"));
            if (!build.isEmpty()) {
                Path context = root.resolve(String.valueOf(build.get("context")));
                assertThat(context).as(name + " build context").isDirectory();
                assertThat(context.resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))))
                        .as(name + " Dockerfile").isRegularFile();
            }
            for (Object volume : list(svc.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    // nginx/certs only holds generated keys; the directory itself is kept in git.
                    assertThat(root.resolve(source)).as(name + " mount " + source).exists();
                } else {
                    assertThat(declaredVolumes).as(name + " named volume").contains(source);
                }
            }
        });
    }

    @Test
    @DisplayName("each service image is built from the one service Dockerfile, with its module's jar and ports")
    void dockerfilesMatchTheModules() {
        String dockerfile = read(root.resolve("docker/service.Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "USER chat", "COPY ${MODULE}/target/${MODULE}.jar",
                "-Djarmode=tools", "--layers", "EXPOSE ${PORTS}", "http://127.0.0.1:${HEALTH_PORT}/actuator/health/readiness",
                "org.springframework.boot.loader.launch.JarLauncher");
        SERVICES.forEach((name, module) -> {
            String pom = read(root.resolve(module).resolve("pom.xml"));
            assertThat(pom).as(module + " jar name").contains("<finalName>${project.artifactId}</finalName>");
            assertThat(root.resolve(module).resolve("Dockerfile")).as(module + ": no Dockerfile of its own").doesNotExist();
            Map<String, Object> build = map(service(name).get("build"));
            assertThat(build.get("context")).as(name).isEqualTo(".");
            assertThat(build.get("dockerfile")).as(name).isEqualTo("docker/service.Dockerfile");
            Map<String, Object> args = map(build.get("args"));
            assertThat(args.get("MODULE")).as(name).isEqualTo(module);
            assertThat(String.valueOf(args.get("HEALTH_PORT"))).as(name).isEqualTo(String.valueOf(httpPort(name)));
            List<String> ports = List.of(String.valueOf(args.get("PORTS")).split(" "));
            assertThat(ports).as(name + " PORTS").first().isEqualTo(String.valueOf(httpPort(name)));
            if (name.equals("command") || name.equals("query")) {
                assertThat(ports).as(name + " PORTS").contains(String.valueOf(grpcPort(name)));
            }
        });
        assertThat(read(root.resolve(".dockerignore"))).contains("!*/target/*.jar");
        String simulator = read(root.resolve("bailian-simulator/Dockerfile"));
        assertThat(simulator).contains("io.chatstream.simulator.BailianSimulator", "--host=0.0.0.0", "--port=18080");
    }

    @Test
    @DisplayName("every environment variable of a service sets a property its application.yml really has")
    void environmentNamesExist() {
        SERVICES.forEach((name, module) -> {
            Set<String> properties = flatten(applicationYml(name)).keySet();
            Set<String> referenced = ComposeFiles.referencedVariables(
                    read(root.resolve(module).resolve("src/main/resources/application.yml")));
            Set<String> unknown = new TreeSet<>();
            for (String variable : environment(service(name)).keySet()) {
                boolean known = STANDARD_VARIABLES.contains(variable) || referenced.contains(variable)
                        || ComposeFiles.propertyFor(variable, properties).isPresent();
                if (!known) {
                    unknown.add(variable);
                }
            }
            assertThat(unknown).as(name + ": variables that no property of " + module + " binds").isEmpty();
        });
    }

    @Test
    @DisplayName("the environment mapping itself tells real names from typos")
    void environmentMappingCanFail() {
        Set<String> worker = flatten(applicationYml("worker")).keySet();
        assertThat(ComposeFiles.propertyFor("CHAT_BAILIAN_BASE_URL", worker)).contains("chat.bailian.base-url");
        assertThat(ComposeFiles.propertyFor("CHAT_BAILIAN_BASEURL", worker)).contains("chat.bailian.base-url");
        assertThat(ComposeFiles.propertyFor("SPRING_DATA_REDIS_HOST", worker)).contains("spring.data.redis.host");
        assertThat(ComposeFiles.propertyFor("CHAT_KAFKA_BROKER", worker)).isEmpty();
        assertThat(ComposeFiles.propertyFor("SPRING_DATASOURCE_URL", worker)).isEmpty();
        assertThat(ComposeFiles.interpolate("${X-http://a:1/b}|${Y:-z}|${Z:?msg}|$$1")).isEqualTo("http://a:1/b|z||$1");
    }

    @Test
    @DisplayName("healthchecks, gRPC targets and addresses use the ports the services listen on")
    void portsAgree() {
        SERVICES.keySet().forEach(name -> assertThat(healthcheck(service(name)))
                .as(name + " healthcheck").contains("http://127.0.0.1:" + httpPort(name) + "/actuator/health/readiness"));
        Map<String, String> gateway = environment(service("gateway"));
        assertThat(gateway).containsEntry("CHAT_COMMAND_GRPC_TARGET", "dns:///command:" + grpcPort("command"))
                .containsEntry("CHAT_QUERY_GRPC_TARGET", "dns:///query:" + grpcPort("query"));
        String advertised = environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        for (String name : List.of("command", "worker", "query")) {
            Map<String, String> env = environment(service(name));
            assertThat(advertised).as("kafka listener for " + name).contains("//" + env.get("CHAT_KAFKA_BROKERS"));
            assertThat(env).containsEntry("SPRING_DATA_REDIS_HOST", "redis").containsEntry("SPRING_DATA_REDIS_PORT", "6379");
        }
        assertThat(environment(service("worker")).get("CHAT_BAILIAN_BASE_URL"))
                .isEqualTo("http://bailian-simulator:18080/api/v1");
        assertThat(healthcheck(service("bailian-simulator"))).contains("127.0.0.1:18080/health");
        assertThat(read(root.resolve("nginx/upstream.conf")))
                .containsPattern("(?m)^server gateway:" + httpPort("gateway") + " max_fails=\\d+ fail_timeout=\\d+s;");
    }

    @Test
    @DisplayName("the four services run as several replicas, each count overridable; nginx mounts the shared edge files")
    void scaledTopology() {
        for (String name : List.of("command", "query", "worker", "gateway")) {
            Object replicas = ((Map<?, ?>) service(name).get("deploy")).get("replicas");
            String variable = "CHAT_" + name.toUpperCase(java.util.Locale.ROOT) + "_REPLICAS";
            assertThat(String.valueOf(replicas)).as(name).startsWith("${" + variable + ":-");
            assertThat(Integer.parseInt(ComposeFiles.interpolate(String.valueOf(replicas)))).as(name).isGreaterThan(1);
        }
        assertThat(String.valueOf(service("nginx").get("volumes")))
                .contains("./nginx/chat-http.conf:/etc/nginx/chat-http.conf:ro", "./nginx/chat-site.conf:/etc/nginx/chat-site.conf:ro");
    }

    @Test
    @DisplayName("the Kafka-consuming services share one group membership block, and both brokers allow its session timeout")
    void consumerGroupMembership() {
        List<String> keys = List.of("session-timeout-ms", "heartbeat-interval-ms", "partition-assignor");
        Map<String, Object> worker = flatten(applicationYml("worker"));
        for (String name : List.of("command", "worker", "query")) {
            Map<String, Object> yml = flatten(applicationYml(name));
            keys.forEach(key -> assertThat(yml).as(name + " " + key)
                    .containsEntry("chat.kafka." + key, worker.get("chat.kafka." + key))
                    .containsEntry("camel.component.kafka." + key, "${chat.kafka." + key + "}"));
        }
        int session = integer(worker.get("chat.kafka.session-timeout-ms"));
        assertThat(integer(worker.get("chat.kafka.heartbeat-interval-ms")) * 3).isLessThanOrEqualTo(session);
        assertThat(integer(environment(service("kafka")).get("KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS")))
                .as("compose broker minimum").isLessThanOrEqualTo(session);
        assertThat(KafkaBroker.MIN_SESSION_TIMEOUT_MS).as("local broker minimum").isLessThanOrEqualTo(session);
    }

    @Test
    @DisplayName("only nginx publishes ports to everyone; Grafana and Jaeger only on loopback; only the worker gets the API key")
    void publishedPortsAndSecrets() {
        Map<String, List<String>> published = new LinkedHashMap<>();
        services.forEach((name, node) -> {
            List<Object> ports = list(map(node).get("ports"));
            if (!ports.isEmpty()) {
                published.put(name, ports.stream().map(String::valueOf).toList());
            }
        });
        assertThat(published).containsOnlyKeys("nginx", "grafana", "jaeger");
        assertThat(published.get("nginx")).containsExactlyInAnyOrder("80:80", "443:443");
        assertThat(published.get("grafana")).allMatch(p -> p.startsWith("127.0.0.1:"));
        assertThat(published.get("jaeger")).allMatch(p -> p.startsWith("127.0.0.1:"));
        services.forEach((name, node) -> assertThat(environment(map(node)).containsKey("DASHSCOPE_API_KEY"))
                .as(name + " gets DASHSCOPE_API_KEY").isEqualTo(name.equals("worker")));
    }

    @Test
    @DisplayName("kafka-init creates every contract topic with its partitions, and every topic a service uses")
    void topics() {
        String init = String.valueOf(service("kafka-init").get("command"));
        Map<String, Integer> created = new LinkedHashMap<>();
        Matcher m = Pattern.compile("create (chat\\.[a-z.]+) (\\d+)").matcher(init);
        while (m.find()) {
            created.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(created).isEqualTo(ChatTopics.defaults());
        Set<String> used = new HashSet<>();
        SERVICES.keySet().forEach(name -> flatten(applicationYml(name)).forEach((key, value) -> {
            if (key.startsWith("chat.topics.")) {
                used.add(String.valueOf(value));
            }
        }));
        assertThat(used).isNotEmpty();
        assertThat(created.keySet()).containsAll(used);
    }

    @Test
    @DisplayName("the MySQL init script creates each service's schema and user with the credentials compose passes")
    void databaseCredentials() {
        String sql = read(root.resolve("ops/mysql/init/01-schemas.sql"));
        for (String name : List.of("command", "query")) {
            Map<String, String> env = environment(service(name));
            String schema = env.get("SPRING_DATASOURCE_URL").replaceAll("^jdbc:mariadb://mysql:3306/([a-z_]+).*$", "$1");
            String ymlUrl = String.valueOf(flatten(applicationYml(name)).get("spring.datasource.url"));
            assertThat(ymlUrl).as(name + " schema").endsWith("/" + schema);
            String user = env.get("SPRING_DATASOURCE_USERNAME");
            assertThat(sql).contains("CREATE DATABASE IF NOT EXISTS `" + schema + "`",
                    "CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + env.get("SPRING_DATASOURCE_PASSWORD") + "'",
                    "GRANT ALL PRIVILEGES ON `" + schema + "`.* TO '" + user + "'@'%'");
        }
        assertThat(sql).doesNotContain("ON *.*");
    }

    @Test
    @DisplayName("Prometheus scrapes every service where it listens, and loads the mounted alert rules")
    void prometheusTargets() {
        Map<String, Object> config = yaml(root.resolve("ops/prometheus/prometheus.yml"));
        Map<String, String> scraped = new LinkedHashMap<>();
        for (Object job : list(config.get("scrape_configs"))) {
            for (Object staticConfig : list(map(job).get("static_configs"))) {
                for (Object target : list(map(staticConfig).get("targets"))) {
                    String[] hostPort = String.valueOf(target).split(":");
                    if (!hostPort[0].equals("localhost")) {
                        assertThat(services).as("scrape target " + target).containsKey(hostPort[0]);
                    }
                    scraped.put(hostPort[0], hostPort[1] + " " + map(job).getOrDefault("metrics_path", "/metrics"));
                }
            }
        }
        SERVICES.keySet().forEach(name ->
                assertThat(scraped).containsEntry(name, httpPort(name) + " /actuator/prometheus"));
        assertThat(list(config.get("rule_files")).stream().map(String::valueOf))
                .allMatch(file -> String.valueOf(service("prometheus").get("volumes")).contains(":" + file + ":"));
    }

    @Test
    @DisplayName("the alert rules parse and cover service down, DLQ growth, failure rate, provider billing/key/quota, consumer lag and TTFT p99")
    void alerts() {
        Map<String, String> rules = new LinkedHashMap<>();
        for (Object group : list(yaml(root.resolve("ops/prometheus/alerts.yml")).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                rules.put(String.valueOf(map(rule).get("alert")), String.valueOf(map(rule).get("expr")));
            }
        }
        assertThat(rules).allSatisfy((alert, expr) -> assertThat(expr).as(alert).isNotBlank().isNotEqualTo("null"));
        assertThat(rules.get("ChatstreamServiceDown")).contains("up == 0");
        assertThat(rules.get("ChatstreamDeadLetterGrowth")).contains("chat.answer.dlq", "chat_dlq_size");
        assertThat(rules.get("ChatstreamAnswerFailureRate")).contains("chat_worker_answers_total", "0.05");
        assertThat(rules.get("ChatstreamConsumerLagHigh")).contains("chat_kafka_consumer_lag", "kafka_consumergroup_lag");
        assertThat(rules.get("ChatstreamAnswerFailureRate")).contains("failure_class!=\"moderated\"");
        assertThat(rules.get("ChatstreamProviderBilling")).contains("failure_class=\"billing\"");
        assertThat(rules.get("ChatstreamProviderCredentials")).contains("failure_class=\"credentials\"");
        assertThat(rules.get("ChatstreamProviderQuota")).contains("failure_class=\"quota\"", "Throttling.AllocationQuota");
        assertThat(rules.get("ChatstreamTimeToFirstTokenP99High"))
                .contains("histogram_quantile(0.99", "chat_worker_first_token_seconds_bucket", "> 3");
    }

    @Test
    @DisplayName("Grafana gets the Prometheus data source and the dashboard from the mounted provisioning")
    void grafanaProvisioning() {
        String volumes = String.valueOf(service("grafana").get("volumes"));
        Map<String, Object> datasource = map(list(yaml(root.resolve(
                "ops/grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0));
        assertThat(datasource).containsEntry("url", "http://prometheus:9090").containsEntry("uid", "prometheus");
        Map<String, Object> provider = map(list(yaml(root.resolve(
                "ops/grafana/provisioning/dashboards/chatstream.yml")).get("providers")).get(0));
        assertThat(volumes).contains("./ops/grafana/dashboards:" + map(provider.get("options")).get("path") + ":");
        assertThat(volumes).contains("./ops/grafana/provisioning:/etc/grafana/provisioning:");
        Map<String, Object> collector = yaml(root.resolve("ops/otel/collector.yaml"));
        String jaeger = String.valueOf(map(map(collector.get("exporters")).get("otlp/jaeger")).get("endpoint"));
        assertThat(services).containsKey(jaeger.split(":")[0]);
    }

    @Test
    @DisplayName("the dashboard is Grafana JSON whose every panel queries the provisioned Prometheus")
    void dashboard() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(root.resolve("ops/grafana/dashboards/chatstream.json").toFile());
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!panel.path("type").asText().equals("row")) {
                panels.add(panel);
            }
        });
        assertThat(panels).hasSizeGreaterThanOrEqualTo(12);
        assertThat(panels).allSatisfy(panel -> {
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("prometheus");
            assertThat(panel.path("targets").size()).as(title + " targets").isPositive();
            panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).as(title + " expr").isNotBlank());
        });
        String all = dashboard.toString();
        assertThat(all).contains("chat_worker_first_token_seconds_bucket", "chat_worker_answer_duration_seconds_bucket",
                "chat_worker_tokens_total", "chat_worker_answers_total", "chat_worker_retries_total",
                "chat.answer.dlq", "chat_dlq_size", "chat_kafka_consumer_lag", "kafka_consumergroup_lag",
                "chat_query_answer_streams_active",
                "http_server_requests_seconds_count", "jvm_memory_used_bytes");
    }

    @Test
    @DisplayName("every metric the dashboard and alerts use is documented in docs/metrics.md")
    void metricsDocumented() throws Exception {
        String doc = read(root.resolve("docs/metrics.md"));
        String used = read(root.resolve("ops/grafana/dashboards/chatstream.json"))
                + read(root.resolve("ops/prometheus/alerts.yml"));
        Matcher m = Pattern.compile("\\b((?:chat|camel|http|jvm|kafka)_[a-z_]+?)(?:_bucket|_count|_sum)?\\b").matcher(used);
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("chat_worker_first_token_seconds", "chat_query_answer_streams_active");
        assertThat(names).allSatisfy(name -> assertThat(doc).as("docs/metrics.md mentions " + name).contains(name));
        assertThat(Files.size(root.resolve("docs/deploy.md"))).isPositive();
    }
}
