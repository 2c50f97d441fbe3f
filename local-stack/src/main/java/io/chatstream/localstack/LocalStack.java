package io.chatstream.localstack;

import io.chatstream.localinfra.ChatTopics;
import io.chatstream.localinfra.KafkaBroker;
import io.chatstream.localinfra.MariaDbServer;
import io.chatstream.localinfra.PortInUseException;
import io.chatstream.localinfra.Ports;
import io.chatstream.localinfra.RedisServer;
import io.chatstream.localinfra.UnusableStateException;
import io.chatstream.simulator.BailianSimulator;
import io.chatstream.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the whole product on this machine and stops every process it started on Ctrl-C. */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Map<String, String> QUERY_ENV = Map.of("SPRING_DATASOURCE_PASSWORD", "chat_query");
    /** The gateway's client at the local identity provider (identity-provider/README.md); local use only. */
    static final String WEB_CLIENT_ID = "chatstream-web";
    private static final String WEB_CLIENT_SECRET = "chatstream-web-local-secret";
    /** The services' default consumer groups (see each application.yml). */
    private static final List<String> CONSUMER_GROUPS =
            List.of("command-answers", "worker", "query-prompts", "query-answers", "query-sessions");

    private final StackOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KafkaBroker kafka;
    private RedisServer redis;
    private MariaDbServer mariadb;
    private BailianSimulator simulator;
    private StackManifest manifest;
    /** nginx in front of the gateways; only with more than one. */
    private FrontDoor frontDoor;
    private Supervisor supervisor;
    private final List<Supervised> components = new ArrayList<>();
    private StateDirLock stateDirLock;
    /** The gateway keys of this state dir, one per service the gateways call. */
    private ServiceIdentityKeys gatewayKeys;
    /** Kafka starts beside Redis and MariaDB; kept so a stop during start-up still stops it. */
    private CompletableFuture<KafkaBroker> kafkaStart;

    LocalStack(StackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        int exitCode = StackCommand.execute(args, LocalStack::run);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Starts the stack and waits until it is stopped; 2 or 1 when it cannot start. */
    private static int run(StackOptions options) {
        LocalStack stack = new LocalStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (PortInUseException | UnusableStateException | StateDirInUseException e) {
            log.error("{}", e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            log.error("the local stack could not start: {}", e.getMessage());
            return 1;
        }
        stack.awaitStop();
        return 0;
    }

    void start() {
        long started = System.nanoTime();
        requirePortsFree();
        if (options.embedded()) {
            System.setProperty("chat.infra.embedded", "true");
        }
        prepareStateDir();
        Path data = options.stateDir().resolve("data");
        gatewayKeys = ServiceIdentityKeys.in(data.resolve("service-identity"));

        log.info("starting Kafka (KRaft), Redis and MariaDB ...");
        kafkaStart = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(options.port(StackOptions.KAFKA), data.resolve("kafka")));
        // Append-only file on, fsync every second: see docs/reliability.md for the loss window.
        redis = RedisServer.start(options.port(StackOptions.REDIS), data.resolve("redis"), true);
        mariadb = MariaDbServer.start(options.port(StackOptions.MARIADB), data.resolve("mariadb"));
        mariadb.createDatabase("chat_command", "chat_command", "chat_command");
        mariadb.createDatabase("chat_query", "chat_query", "chat_query");
        mariadb.createDatabase("chat_identity", "chat_identity", "chat_identity");
        kafka = joined(kafkaStart);
        kafka.createTopics(ChatTopics.defaults());

        if (options.rebuildReadModel()) {
            rebuildReadModel();
        }
        ModelEndpoint model = startModel();
        log.info("starting the identity provider and the four services ({}) ...", options.scale().describe());
        startServices(model);
        services.parallelStream().forEach(s -> s.awaitReady(Duration.ofSeconds(options.readyTimeoutSeconds())));
        // Ready means a chat can be served: a prompt sent before the consumers own their
        // partitions would wait for the group to form, and its stream could outwait the query
        // service's ownership wait.
        kafka.awaitConsumerGroups(CONSUMER_GROUPS, Duration.ofSeconds(90));
        startFrontDoor();

        Duration startup = Duration.ofNanos(System.nanoTime() - started);
        components.addAll(services);
        if (frontDoor != null) {
            components.add(frontDoor);
        }
        components.add(new InfraProcess("kafka", kafka::isRunning, kafka::pid, kafka::restart));
        components.add(new InfraProcess("redis", redis::isRunning, redis::pid, redis::restart));
        components.add(new InfraProcess("mariadb", mariadb::isRunning, mariadb::pid, mariadb::restart));
        manifest = new StackManifest(options, model.description(), redis.flavour(), mariadb.flavour(), components, startup);
        manifest.write();
        if (options.restart()) {
            supervisor = new Supervisor(components, Duration.ofMillis(options.restartBackoffMs()), restarted -> {
                manifest.processes(components, supervisor.restarts());
                manifest.write();
            });
            supervisor.start();
        }
        System.out.println(manifest.banner());
    }

    void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything this stack started, newest first. Safe to call more than once. */
    synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        List<String> recording = services.stream().filter(ServiceProcess::recordsClassArchive).map(ServiceProcess::name).toList();
        if (recording.isEmpty()) {
            log.info("stopping ...");
        } else {
            // The first stop after a build is the slow one: say why, so nobody reaches for kill -9.
            log.info("stopping ... ({} record their class archives as they exit, for a faster next start:"
                    + " this stop takes longer, up to a minute)", String.join(", ", recording));
        }
        if (supervisor != null) {
            supervisor.shutdown();
        }
        if (frontDoor != null) {
            frontDoor.stop();
        }
        services.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        quietly(() -> simulator.close(), simulator);
        if (kafka == null && kafkaStart != null) {
            // Start-up failed elsewhere while Kafka was starting: let it finish, then stop it too.
            kafka = kafkaStart.exceptionally(e -> null).join();
        }
        quietly(() -> kafka.stop(), kafka);
        quietly(() -> mariadb.stop(), mariadb);
        quietly(() -> redis.stop(), redis);
        if (manifest != null) {
            manifest.delete();
        }
        if (stateDirLock != null) {
            stateDirLock.release();
        }
        log.info("stopped; nothing left running");
        stopped.countDown();
    }

    private void requirePortsFree() {
        List<String> taken = new ArrayList<>();
        boolean realModel = ModelEndpoint.realKeyPresent();
        options.listeners().forEach((name, port) -> {
            if (realModel && name.contains(StackOptions.SIMULATOR)) {
                return;
            }
            if (Ports.isListening(port)) {
                taken.add(name + " " + port);
            }
        });
        if (!taken.isEmpty()) {
            taken.sort(Comparator.naturalOrder());
            throw new PortInUseException(String.join(", ", taken), 0) {
                @Override
                public String getMessage() {
                    return "port(s) already in use: " + String.join(", ", taken)
                            + ". Stop what listens there (e.g. another local stack: Ctrl-C it), or move a component"
                            + " with --<component>-port=N (see --help).";
                }
            };
        }
    }

    /**
     * Locks the state dir for this launcher (released by the OS however it ends, kill -9 included),
     * wipes it on --fresh, and drops the manifest a killed launcher left behind, so that tools
     * waiting for {@code stack.json} see only this run's.
     */
    private void prepareStateDir() {
        try {
            Files.createDirectories(options.stateDir());
            stateDirLock = StateDirLock.acquire(options.stateDir());
            if (options.fresh()) {
                try (Stream<Path> entries = Files.list(options.stateDir())) {
                    for (Path entry : entries.filter(p -> !p.equals(stateDirLock.file())).toList()) {
                        Directories.deleteTree(entry);
                    }
                }
            }
            Files.createDirectories(options.stateDir().resolve("logs"));
            Files.deleteIfExists(options.stateDir().resolve("stack.json"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + options.stateDir(), e);
        }
    }


    private ModelEndpoint startModel() {
        if (ModelEndpoint.realKeyPresent()) {
            log.info("DASHSCOPE_API_KEY is set: answers come from the real Bailian endpoint");
            return ModelEndpoint.real();
        }
        simulator = BailianSimulator.start(SimulatorSettings.defaults()
                .withPort(options.port(StackOptions.SIMULATOR))
                .withFirstTokenDelay(Duration.ofMillis(options.simulatorFirstTokenMs()))
                .withInterChunkDelay(Duration.ofMillis(options.simulatorChunkMs()))
                .withAnswerChunks(options.simulatorChunks()));
        return ModelEndpoint.simulator(simulator.baseUrl());
    }

    /** Where the local identity provider answers: the issuer in its tokens and the gateway's discovery address. */
    static String identityIssuer(StackOptions options) {
        return "http://127.0.0.1:" + options.port(StackOptions.IDENTITY);
    }

    /**
     * The local OpenID Connect provider (identity-provider), started with the services: the gateway reads its
     * discovery document on the first sign-in, not at start-up. Its users, sessions and signing keys live in
     * MariaDB and the state dir, so a second run keeps them.
     */
    private ServiceProcess startIdentityProvider() {
        int port = options.port(StackOptions.IDENTITY);
        int gateway = options.port(StackOptions.GATEWAY);
        List<String> args = List.of("--server.port=" + port,
                "--spring.datasource.url=" + mariadb.jdbcUrl("chat_identity"),
                "--spring.datasource.username=chat_identity",
                "--chat.idp.issuer=" + identityIssuer(options),
                "--chat.idp.key-file=" + options.stateDir().resolve("data").resolve("identity").resolve("signing-keys.json"),
                "--chat.idp.web-client.client-id=" + WEB_CLIENT_ID,
                "--chat.idp.web-client.client-secret=" + WEB_CLIENT_SECRET,
                "--chat.idp.web-client.redirect-uris=http://127.0.0.1:" + gateway + "/login/oauth2/code/chatstream,"
                        + "http://localhost:" + gateway + "/login/oauth2/code/chatstream",
                "--chat.idp.web-client.post-logout-redirect-uris=http://127.0.0.1:" + gateway + "/,http://localhost:"
                        + gateway + "/");
        Path jar = options.home().resolve("identity-provider").resolve("target").resolve("identity-provider.jar");
        Path logFile = options.stateDir().resolve("logs").resolve("identity.log");
        return ServiceProcess.start("identity", "identity", jar, port, options.serviceJvmOptions(), args,
                Map.of("SPRING_DATASOURCE_PASSWORD", "chat_identity"), logFile,
                Duration.ofSeconds(options.readyTimeoutSeconds()), Duration.ofSeconds(10));
    }

    private void startServices(ModelEndpoint model) {
        services.add(startIdentityProvider());
        String kafkaArg = "--chat.kafka.brokers=" + kafka.bootstrapServers();
        List<String> redisArgs = List.of("--spring.data.redis.host=" + redis.host(),
                "--spring.data.redis.port=" + redis.port());
        List<String> common = new ArrayList<>(List.of("--spring.profiles.active=local", kafkaArg));
        common.addAll(redisArgs);

        for (int n = 1; n <= options.scale().of("command"); n++) {
            services.add(launch("command", n, List.of(
                    "--chat.grpc.port=" + options.port("command", StackOptions.COMMAND_GRPC, n),
                    "--spring.datasource.url=" + mariadb.jdbcUrl("chat_command"),
                    "--spring.datasource.username=chat_command",
                    "--chat.service-identity.gateway-keys=" + ServiceIdentityKeys.location(gatewayKeys.commandKey())), common,
                    Map.of("SPRING_DATASOURCE_PASSWORD", "chat_command")));
        }
        for (int n = 1; n <= options.scale().of("query"); n++) {
            services.add(launch("query", n, queryArgs(options.port("query", StackOptions.QUERY_GRPC, n)), common, QUERY_ENV));
        }
        for (int n = 1; n <= options.scale().of("worker"); n++) {
            services.add(launch("worker", n, model.workerArgs(options.model()), common, model.workerEnv()));
        }
        // Every gateway balances its gRPC calls over every command and query instance (docs/deploy.md).
        List<String> gatewayArgs = List.of(
                "--chat.command.grpc-target=" + grpcTargets("command", StackOptions.COMMAND_GRPC),
                "--chat.query.grpc-target=" + grpcTargets("query", StackOptions.QUERY_GRPC),
                "--chat.auth.oidc.issuer-uri=" + identityIssuer(options),
                "--chat.auth.oidc.client-id=" + WEB_CLIENT_ID,
                "--chat.service-identity.command-key=" + ServiceIdentityKeys.location(gatewayKeys.commandKey()),
                "--chat.service-identity.query-key=" + ServiceIdentityKeys.location(gatewayKeys.queryKey()));
        Map<String, String> gatewayEnv = Map.of("CHAT_AUTH_OIDC_CLIENT_SECRET", WEB_CLIENT_SECRET);
        for (int n = 1; n <= options.scale().of("gateway"); n++) {
            services.add(launch("gateway", n, gatewayArgs, common, gatewayEnv));
        }
    }

    /** {@code 127.0.0.1:9091,127.0.0.1:9191}: the addresses of every instance, as the gateway takes them. */
    private String grpcTargets(String service, String portOption) {
        List<String> targets = new ArrayList<>();
        for (int n = 1; n <= options.scale().of(service); n++) {
            targets.add("127.0.0.1:" + options.port(service, portOption, n));
        }
        return String.join(",", targets);
    }

    /** With more than one gateway, nginx on the gateway port in front of them all. */
    private void startFrontDoor() {
        if (!options.scale().frontDoor()) {
            return;
        }
        List<Integer> gateways = services.stream().filter(s -> s.service().equals("gateway"))
                .map(ServiceProcess::httpPort).toList();
        log.info("starting nginx as the front door of {} gateways ...", gateways.size());
        frontDoor = FrontDoor.start(options.home(), options.stateDir().resolve("nginx"),
                options.port(StackOptions.GATEWAY), gateways, options.frontDoorSendRate(), options.stateDir().resolve("logs").resolve("nginx.log"));
    }

    private List<String> queryArgs(int grpcPort) {
        return List.of("--chat.grpc.port=" + grpcPort,
                "--spring.datasource.url=" + mariadb.jdbcUrl("chat_query"),
                "--spring.datasource.username=chat_query",
                "--chat.service-identity.gateway-keys=" + ServiceIdentityKeys.location(gatewayKeys.queryKey()));
    }

    /** The query jar's one-shot rebuild command (profile rebuild), before any service runs. */
    private void rebuildReadModel() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                options.home().resolve("query-routes/target/query-routes.jar").toString(),
                "--spring.profiles.active=rebuild", "--chat.kafka.brokers=" + kafka.bootstrapServers(),
                "--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port()));
        command.addAll(queryArgs(options.port(StackOptions.QUERY_GRPC)));
        Path logFile = options.stateDir().resolve("logs").resolve("rebuild-read-model.log");
        log.info("rebuilding the query read model (log: {}) ...", logFile);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(QUERY_ENV);
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("the read-model rebuild ended with exit code " + exit
                        + "; nothing was started. See " + logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the read-model rebuild", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the read-model rebuild", e);
        }
        log.info("read model cleared; the query service replays the topics as it starts");
    }

    private ServiceProcess launch(String service, int instance, List<String> own, List<String> common,
                                  Map<String, String> env) {
        String name = Scale.instanceName(service, instance);
        int port = options.port(service, StackOptions.SERVICE_PORTS.get(service).get(0), instance);
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.addAll(common);
        args.addAll(own);
        // Ops route files for this service, watched live by all its instances (docs/routes.md); created empty.
        Path routes = options.stateDir().resolve("routes").resolve(service).toAbsolutePath();
        try {
            Files.createDirectories(routes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + routes, e);
        }
        args.add("--chat.routes.dir=" + routes);
        Path jar = options.home().resolve(service + "-routes").resolve("target").resolve(service + "-routes.jar");
        ClassDataSharing.Launch launch = ClassDataSharing.prepare(service, jar, options.stateDir(), options.classDataSharing());
        if (instance > 1) {
            launch = launch.withoutRecording(); // one archive per service, recorded by its first instance
        }
        List<String> jvmOptions = new ArrayList<>(options.jvmOptions(service));
        jvmOptions.addAll(launch.jvmOptions());
        Path logFile = options.stateDir().resolve("logs").resolve(name + ".log");
        Map<String, String> environment = new LinkedHashMap<>(env);
        return ServiceProcess.start(service, name, launch.jar(), port, jvmOptions, args, environment, logFile,
                Duration.ofSeconds(options.readyTimeoutSeconds()), launch.stopGrace());
    }

    /** The future's value; its failure as thrown where it happened (a clear message, not a CompletionException). */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void quietly(Runnable action, Object target) {
        if (target == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("while stopping: {}", e.getMessage());
        }
    }
}
