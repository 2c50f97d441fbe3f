package io.chatstream.benchmarks;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The benchmark's command line ({@code scripts/benchmark.sh}), read by picocli: every option with its
 * default and its help text ({@code --help}). It turns what was given into {@link BenchmarkOptions}
 * and hands them to the benchmark; a value it cannot use is refused in one line naming the option,
 * with exit code 2.
 *
 * <p>Every option takes its value after {@code =} ({@code --idle-connections=2000}; a separate
 * argument works too). The flags {@code --quick}, {@code --full} and {@code --jfr} take no value, or
 * {@code =true}/{@code =false}; anything else is refused. {@code --full} wins over {@code --quick}.
 * Given twice, an option's last value counts; the list options ({@code --scenarios=a,b}) add up.
 */
@Command(name = "scripts/benchmark.sh", customSynopsis = "scripts/benchmark.sh [--quick|--full] [OPTIONS]",
        sortOptions = false, usageHelpWidth = 110,
        footer = {"", "Flags (--quick, --full, --jfr) take no value, or =true / =false.",
            "Writes benchmarks/target/report/benchmark-report.md and .json."})
final class BenchmarkCommand implements Callable<Integer> {

    /** The benchmark itself: runs with the options and returns the process's exit code. */
    @FunctionalInterface
    interface Run {
        int run(BenchmarkOptions options) throws Exception;
    }

    private static final int OPTION_COLUMN = 26;

    /** The default mode; accepted so that a command line can say so. */
    @Option(names = "--quick", converter = Flag.class,
            description = "smoke run: short phases, 1,000 idle connections (default)")
    private boolean quick;

    @Option(names = "--full", converter = Flag.class,
            description = "the targets: capacity ramp to 800, 10,000 idle connections, longer phases")
    private boolean full;

    @Option(names = "--scenarios", paramLabel = "NAME", split = ",", splitSynopsisLabel = ",",
            converter = Scenario.class,
            description = "any of baseline,latency_ramp,latency,cost,capacity,submits,idle (default: all)")
    private List<String> scenarios;

    @Option(names = "--service-jvm-opts", paramLabel = "\"…\"",
            description = "JVM options of each service of every build (default: each build's launcher default)")
    private String serviceJvmOpts;

    @Option(names = "--jfr", converter = Flag.class,
            description = "record a JFR profile of each service; files land in the report folder")
    private boolean jfr;

    @Option(names = "--sim-first-token-ms", paramLabel = "N",
            description = "the simulator's first-token delay (default ${DEFAULT-VALUE})")
    private long firstTokenMs = 100;

    @Option(names = "--sim-chunk-ms", paramLabel = "N",
            description = "delay between chunks (default ${DEFAULT-VALUE} = 20 chunks/s per stream)")
    private long chunkMs = 50;

    @Option(names = "--sim-chunks", paramLabel = "N",
            description = "chunks per answer in the latency scenario (default ${DEFAULT-VALUE})")
    private int chunks = 20;

    @Option(names = "--latency-streams", paramLabel = "N",
            description = "answers open on average in the open-loop latency scenario (default ${DEFAULT-VALUE})")
    private int latencyStreams = 10;

    @Option(names = "--latency-ramp", paramLabel = "N", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "the same at other levels, once each (full: 1,25,50; quick: 1)")
    private List<Integer> latencyRamp;

    @Option(names = "--capacity-steps", paramLabel = "N", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "first capacity steps, then bisection (full: 25,50,100,200,400,800; quick: 25,50,100,200)")
    private List<Integer> capacitySteps;

    @Option(names = "--warmup-s", paramLabel = "N",
            description = "warm-up before the measured phases, seconds (full: 180; quick: 60: C2 keeps compiling"
                    + " for minutes on 2 cores)")
    private Integer warmupSeconds;

    @Option(names = "--phase-s", paramLabel = "N", description = "length of each measured phase, seconds (full: 45; quick: 15)")
    private Integer phaseSeconds;

    @Option(names = "--repetitions", paramLabel = "N",
            description = "runs of every headline scenario, reported with their spread (default ${DEFAULT-VALUE})")
    private int repetitions = 3;

    @Option(names = "--compare-home", paramLabel = "DIR",
            description = "another checkout with its jars built: benchmarked the same way in the same run")
    private Path compareHome;

    @Option(names = "--cost-chunks", paramLabel = "N", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "the two answer lengths of the cost scenario (default 10,60)")
    private List<Integer> costChunks;

    @Option(names = "--cost-rate", paramLabel = "N",
            description = "prompts per second of the cost scenario (default ${DEFAULT-VALUE})")
    private double costRate = 8;

    @Option(names = "--min-delivered", paramLabel = "SHARE",
            description = "share of the offered chunks a passing step delivers (default ${DEFAULT-VALUE})")
    private double minDelivered = 0.95;

    @Option(names = "--max-emit-p99-ms", paramLabel = "N",
            description = "emit → receive p99 a passing step stays under (default ${DEFAULT-VALUE})")
    private double maxEmitP99Ms = 50;

    @Option(names = "--idle-connections", paramLabel = "N",
            description = "SSE connections of the idle scenario (full: 10000; quick: 1000)")
    private Integer idleConnections;

    @Option(names = "--home", paramLabel = "DIR", description = "project root (default: current directory)")
    private Path home;

    @Option(names = "--help", usageHelp = true, description = "print this help and exit")
    private boolean help;

    private final Run benchmark;

    private BenchmarkCommand(Run benchmark) {
        this.benchmark = benchmark;
    }

    /**
     * Reads {@code args} and runs {@code benchmark} with the options, returning its exit code. Prints
     * the help to {@code out} for {@code --help} (exit 0), or a refusal to {@code err} (exit 2).
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Run benchmark) {
        CommandLine line = commandLine(new BenchmarkCommand(benchmark));
        line.setOut(out);
        line.setErr(err);
        return line.execute(args);
    }

    /** As {@link #execute}, on the process's own output streams. */
    static int execute(String[] args, Run benchmark) {
        return commandLine(new BenchmarkCommand(benchmark)).execute(args);
    }

    /** The options {@code args} give; a {@code ParameterException} with the one-line message if they cannot. */
    static BenchmarkOptions parse(String... args) {
        BenchmarkCommand command = new BenchmarkCommand(options -> 0);
        commandLine(command).parseArgs(args);
        return command.options();
    }

    /** The generated help, as {@code --help} prints it. */
    static String usage() {
        return commandLine(new BenchmarkCommand(options -> 0)).getUsageMessage();
    }

    private static CommandLine commandLine(BenchmarkCommand command) {
        return new CommandLine(command)
                .setOverwrittenOptionsAllowed(true)
                .setExpandAtFiles(false)
                .setUsageHelpLongOptionsMaxWidth(OPTION_COLUMN)
                .setParameterExceptionHandler(new ShortUsageErrors());
    }

    @Override
    public Integer call() throws Exception {
        return benchmark.run(options());
    }

    private BenchmarkOptions options() {
        Path root = (home != null ? home : Path.of(System.getProperty("user.dir"))).toAbsolutePath().normalize();
        return new BenchmarkOptions(
                full ? "full" : "quick",
                root,
                root.resolve("benchmarks/target/report"),
                scenarios != null ? List.copyOf(scenarios) : BenchmarkOptions.ALL,
                serviceJvmOpts,
                jfr,
                firstTokenMs,
                chunkMs,
                chunks,
                Duration.ofSeconds(warmupSeconds != null ? positive("--warmup-s", warmupSeconds) : full ? 180 : 60),
                Duration.ofSeconds(phaseSeconds != null ? positive("--phase-s", phaseSeconds) : full ? 45 : 15),
                latencyStreams,
                latencyRamp != null ? List.copyOf(latencyRamp) : full ? List.of(1, 25, 50) : List.of(1),
                capacitySteps != null ? List.copyOf(capacitySteps)
                        : full ? List.of(25, 50, 100, 200, 400, 800) : List.of(25, 50, 100, 200),
                60,
                full ? 2000 : 500,
                full ? 96 : 48,
                idleConnections != null ? idleConnections : full ? 10_000 : 1000,
                positive("--repetitions", repetitions),
                compareHome == null ? null : compareHome.toAbsolutePath().normalize(),
                costChunks(),
                costRate,
                new FluencyRule(minDelivered, maxEmitP99Ms));
    }

    private List<Integer> costChunks() {
        List<Integer> lengths = costChunks != null ? List.copyOf(costChunks) : List.of(10, 60);
        if (lengths.size() != 2 || lengths.get(0) < 1 || lengths.get(1) <= lengths.get(0)) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "Invalid value for option '--cost-chunks': two lengths, the shorter first (e.g. 10,100)");
        }
        return lengths;
    }

    private int positive(String option, int value) {
        if (value < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "Invalid value for option '" + option + "': " + value + " is not at least 1");
        }
        return value;
    }

    /** A flag's attached value: alone it means true; {@code =true} and {@code =false} (any case), nothing else. */
    static final class Flag implements ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
                return Boolean.valueOf(value);
            }
            throw new TypeConversionException("'" + value + "' is not true or false (a flag takes no value,"
                    + " or =true / =false)");
        }
    }

    /** One of {@link BenchmarkOptions#ALL}. */
    static final class Scenario implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!BenchmarkOptions.ALL.contains(value)) {
                throw new TypeConversionException("'" + value + "' is not one of "
                        + String.join(", ", BenchmarkOptions.ALL));
            }
            return value;
        }
    }
}
