package io.chatstream.localstack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The launcher's command line, read by picocli: every option with its default and its help text
 * ({@code --help}). It turns what was given into {@link StackOptions} and hands them to the launcher;
 * a value it cannot use is refused in one line naming the option, with exit code 2.
 *
 * <p>Every option takes its value after {@code =} ({@code --scale=2}; a separate argument works too).
 * The flags {@code --fresh}, {@code --embedded} and {@code --rebuild-read-model} take no value, or
 * {@code =true}/{@code =false}; anything else ({@code --fresh=yes}) is refused. {@code --restart} and
 * {@code --cds} take {@code on} or {@code off} ({@code true}/{@code false} too; alone they mean on).
 * Given twice, an option's last value counts.
 */
@Command(name = "java -jar local-stack/target/local-stack.jar", abbreviateSynopsis = true, sortOptions = false,
        usageHelpWidth = 110,
        footer = {"",
            "Flags (--fresh, --embedded, --rebuild-read-model) take no value, or =true / =false.",
            "Environment: DASHSCOPE_API_KEY set → the real Bailian endpoint instead of the simulator",
            "             (DASHSCOPE_BASE_URL optionally overrides the endpoint)."})
final class StackCommand implements Callable<Integer> {

    private static final int OPTION_COLUMN = 28;

    @Spec
    private CommandSpec spec;

    @Option(names = "--home", paramLabel = "DIR",
            description = "project root holding the module jars (default: current directory)")
    private Path home;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "data, logs and stack.json (default: HOME/.run)")
    private Path stateDir;

    @Option(names = "--fresh", converter = StackOptionTypes.Flag.class,
            description = "wipe the state dir first (all stored conversations)")
    private boolean fresh;

    @Option(names = "--embedded", converter = StackOptionTypes.Flag.class,
            description = "ignore redis-server/mariadbd on PATH; use the embedded jars")
    private boolean embedded;

    @Option(names = "--model", paramLabel = "NAME", description = "Qwen model name (default: ${DEFAULT-VALUE})")
    private String model = "qwen-plus";

    @Option(names = "--service-jvm-opts", paramLabel = "\"…\"",
            description = "JVM options of each service (default: ${DEFAULT-VALUE})")
    private String serviceJvmOpts = "-Xms64m -Xmx512m -XX:+UseSerialGC";

    @Option(names = "--gateway-jvm-opts", paramLabel = "\"…\"",
            description = "added after them for the gateway only (default: ${DEFAULT-VALUE}: room for 10,000 open"
                    + " SSE streams at ~80 KiB each; the heap grows only as used)")
    private String gatewayJvmOpts = "-Xmx1536m";

    @Option(names = "--sim-first-token-ms", paramLabel = "N",
            description = "simulator first-token delay (default ${DEFAULT-VALUE})")
    private long simulatorFirstTokenMs = 150;

    @Option(names = "--sim-chunk-ms", paramLabel = "N",
            description = "simulator delay between chunks (default ${DEFAULT-VALUE})")
    private long simulatorChunkMs = 30;

    @Option(names = "--sim-chunks", paramLabel = "N",
            description = "simulator answer length in chunks (default ${DEFAULT-VALUE})")
    private int simulatorChunks = 24;

    @Option(names = "--restart", paramLabel = "on|off", arity = "0..1", fallbackValue = "on",
            converter = StackOptionTypes.OnOff.class,
            description = "restart a component that dies unexpectedly, on the same port and data (default on;"
                    + " like compose's restart: unless-stopped)")
    private boolean restart = true;

    @Option(names = "--restart-backoff-ms", paramLabel = "N",
            description = "first pause before a restart, doubled on each quick re-death up to 30 s, reset after"
                    + " 60 s up (default ${DEFAULT-VALUE})")
    private long restartBackoffMs = 1000;

    @Option(names = "--ready-timeout-s", paramLabel = "N",
            description = "how long each service may take to become ready (default ${DEFAULT-VALUE}; raise it on"
                    + " a busy machine)")
    private long readyTimeoutSeconds = 240;

    @Option(names = "--cds", paramLabel = "on|off", arity = "0..1", fallbackValue = "on",
            converter = StackOptionTypes.OnOff.class,
            description = "class data sharing: a service's first run records the classes it loads (in"
                    + " STATE-DIR/cds/, per build of its jar) and later runs map them instead of loading them"
                    + " again: a faster restart (default on)")
    private boolean classDataSharing = true;

    @Option(names = "--scale", paramLabel = "SPEC", converter = StackOptionTypes.ScaleSpec.class,
            description = "instances per service, e.g. gateway=2,command=2,query=2,worker=3 (1 to 9 each; a single"
                    + " number sets every service; default 1 each). Instance n listens on the service's ports"
                    + " + 100·(n−1). With more than one gateway, nginx (apt-get install nginx) is the front door"
                    + " on the gateway port, gateway n on the gateway port + 100·n")
    private Scale scale = Scale.ONE_OF_EACH;

    @Option(names = "--front-door-send-rate", paramLabel = "N", converter = StackOptionTypes.Positive.class,
            description = "sends per second per client address the front door lets through (default"
                    + " ${DEFAULT-VALUE}, as the production edge; load tests from one address raise it)")
    private int frontDoorSendRate = 5;

    @Option(names = "--rebuild-read-model", converter = StackOptionTypes.Flag.class,
            description = "before the services start, clear the query read model and rewind its projections,"
                    + " which then replay the Kafka topics (docs/runbooks/rebuild-read-model.md)")
    private boolean rebuildReadModel;

    @Option(names = "--" + StackOptions.GATEWAY, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "the gateway: chat page and HTTP API, or the front door with more than one gateway"
                    + " (default ${DEFAULT-VALUE})")
    private int gatewayPort = 8080;

    @Option(names = "--" + StackOptions.COMMAND, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "command-routes' HTTP port (default ${DEFAULT-VALUE})")
    private int commandPort = 8081;

    @Option(names = "--" + StackOptions.COMMAND_GRPC, paramLabel = "PORT",
            converter = StackOptionTypes.PortNumber.class,
            description = "command-routes' gRPC port (default ${DEFAULT-VALUE})")
    private int commandGrpcPort = 9091;

    @Option(names = "--" + StackOptions.WORKER, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "worker-routes' HTTP port (default ${DEFAULT-VALUE})")
    private int workerPort = 8082;

    @Option(names = "--" + StackOptions.QUERY, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "query-routes' HTTP port (default ${DEFAULT-VALUE})")
    private int queryPort = 8083;

    @Option(names = "--" + StackOptions.QUERY_GRPC, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "query-routes' gRPC port (default ${DEFAULT-VALUE})")
    private int queryGrpcPort = 9093;

    @Option(names = "--" + StackOptions.SIMULATOR, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "the Bailian simulator (default ${DEFAULT-VALUE})")
    private int simulatorPort = 18080;

    @Option(names = "--" + StackOptions.KAFKA, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "Kafka (default ${DEFAULT-VALUE})")
    private int kafkaPort = 19092;

    @Option(names = "--" + StackOptions.REDIS, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "Redis (default ${DEFAULT-VALUE})")
    private int redisPort = 16379;

    @Option(names = "--" + StackOptions.MARIADB, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "MariaDB (default ${DEFAULT-VALUE})")
    private int mariadbPort = 13306;

    @Option(names = "--" + StackOptions.IDENTITY, paramLabel = "PORT", converter = StackOptionTypes.PortNumber.class,
            description = "the local identity provider (OpenID Connect; sign-in page, demo users) (default ${DEFAULT-VALUE})")
    private int identityPort = 8090;

    @Option(names = "--help", usageHelp = true, description = "print this help and exit")
    private boolean help;

    private final ToIntFunction<StackOptions> launcher;

    private StackCommand(ToIntFunction<StackOptions> launcher) {
        this.launcher = launcher;
    }

    /**
     * Reads {@code args} and runs {@code launcher} with the options, returning its exit code. Prints
     * the help to {@code out} for {@code --help} (exit 0), or a refusal to {@code err} (exit 2).
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, ToIntFunction<StackOptions> launcher) {
        CommandLine line = commandLine(new StackCommand(launcher));
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    /** As {@link #execute}, on the process's own output streams. */
    static int execute(String[] args, ToIntFunction<StackOptions> launcher) {
        return commandLine(new StackCommand(launcher)).execute(args);
    }

    /** The options {@code args} give; a {@link ParameterException} with the one-line message if they cannot. */
    static StackOptions parse(String... args) {
        StackCommand command = new StackCommand(options -> 0);
        commandLine(command).parseArgs(args);
        return command.options();
    }

    /** The generated help, as {@code --help} prints it. */
    static String usage() {
        return commandLine(new StackCommand(options -> 0)).getUsageMessage();
    }

    private static CommandLine commandLine(StackCommand command) {
        return new CommandLine(command)
                .setOverwrittenOptionsAllowed(true)
                .setExpandAtFiles(false)
                .setUsageHelpLongOptionsMaxWidth(OPTION_COLUMN)
                .setParameterExceptionHandler(new ShortUsageErrors());
    }

    @Override
    public Integer call() {
        return launcher.applyAsInt(options());
    }

    private StackOptions options() {
        Path root = (home != null ? home : Path.of(System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(StackOptions.GATEWAY, gatewayPort);
        ports.put(StackOptions.COMMAND, commandPort);
        ports.put(StackOptions.COMMAND_GRPC, commandGrpcPort);
        ports.put(StackOptions.WORKER, workerPort);
        ports.put(StackOptions.QUERY, queryPort);
        ports.put(StackOptions.QUERY_GRPC, queryGrpcPort);
        ports.put(StackOptions.SIMULATOR, simulatorPort);
        ports.put(StackOptions.KAFKA, kafkaPort);
        ports.put(StackOptions.REDIS, redisPort);
        ports.put(StackOptions.MARIADB, mariadbPort);
        ports.put(StackOptions.IDENTITY, identityPort);
        try {
            return new StackOptions(root,
                    stateDir != null ? stateDir.toAbsolutePath().normalize() : root.resolve(".run"),
                    fresh, embedded, ports, words(serviceJvmOpts), words(gatewayJvmOpts), model,
                    simulatorFirstTokenMs, simulatorChunkMs, simulatorChunks, restart, restartBackoffMs,
                    rebuildReadModel, readyTimeoutSeconds, classDataSharing, scale, frontDoorSendRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
