package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the benchmark prints and returns for a command line: help, refusals (exit 2) or the run. */
class BenchmarkCommandTest {

    /** Every option the benchmark has taken so far; docs/benchmarks.md and the README pass them. */
    private static final List<String> OPTIONS = List.of("--quick", "--full", "--scenarios", "--service-jvm-opts",
            "--jfr", "--sim-first-token-ms", "--sim-chunk-ms", "--sim-chunks", "--latency-streams", "--latency-ramp",
            "--capacity-steps", "--warmup-s", "--phase-s", "--repetitions", "--compare-home", "--cost-chunks", "--cost-rate", "--min-delivered",
            "--max-emit-p99-ms", "--idle-connections", "--home", "--help");
    private static final String HINT =
            "Usage: scripts/benchmark.sh [--quick|--full] [OPTIONS]   (--help lists every option)";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<BenchmarkOptions> ran = new ArrayList<>();

    private int run(String... args) {
        int[] exitCode = new int[1];
        assertThatCode(() -> exitCode[0] = BenchmarkCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                options -> {
                    ran.add(options);
                    return 0;
                })).doesNotThrowAnyException();
        return exitCode[0];
    }

    @Test
    @DisplayName("--sim-chunks=x is refused in one line naming the option and the type, then the usage; exit 2")
    void notANumber() {
        assertThat(run("--sim-chunks=x")).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly("Invalid value for option '--sim-chunks': 'x' is not an int", HINT);
        assertThat(ran).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @DisplayName("--jfr=yes is refused naming the flag and its forms; unknown options get suggestions; exit 2")
    void otherRefusals() {
        assertThat(run("--jfr=yes")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("Invalid value for option '--jfr': 'yes' is not true or"
                + " false (a flag takes no value, or =true / =false)", HINT);
        StringWriter typo = new StringWriter();
        assertThat(BenchmarkCommand.execute(new String[] {"--scenario=idle"}, new PrintWriter(out),
                new PrintWriter(typo), options -> 0)).isEqualTo(2);
        assertThat(typo.toString()).startsWith("Unknown option: '--scenario=idle'").contains("--scenarios")
                .endsWith(HINT + System.lineSeparator());
        assertThat(ran).isEmpty();
    }

    @Test
    @DisplayName("the benchmark gets the options; its exit code, or 1 for an exception it throws, is the process's")
    void runs() {
        assertThat(run("--full", "--scenarios=idle")).isZero();
        assertThat(ran).singleElement().satisfies(o -> {
            assertThat(o.mode()).isEqualTo("full");
            assertThat(o.scenarios()).containsExactly("idle");
        });
        assertThat(BenchmarkCommand.execute(new String[0], new PrintWriter(out), new PrintWriter(err), options -> {
            throw new IllegalStateException("the local stack exited with 2");
        })).isEqualTo(1);
        assertThat(err.toString()).contains("the local stack exited with 2");
    }

    @Test
    @DisplayName("--help prints every option, each with its description, and runs nothing")
    void help() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help).startsWith("Usage: scripts/benchmark.sh [--quick|--full] [OPTIONS]")
                .contains("--sim-chunks=N", "chunks per answer in the latency scenario (default 20)")
                .contains("--scenarios=NAME[,NAME...]", "--capacity-steps=N[,N...]")
                .contains("Writes benchmarks/target/report/benchmark-report.md and .json.");
        for (String option : OPTIONS) {
            assertThat(help).as("help describes %s", option)
                    .containsPattern("(?m)^ {6}" + Pattern.quote(option) + "(=\\S+)? +\\S");
        }
        assertThat(help.lines().filter(line -> line.matches(" {6}--.*"))).as("options in the help")
                .hasSize(OPTIONS.size());
        assertThat(ran).isEmpty();
        assertThat(BenchmarkCommand.usage()).isEqualTo(help);
    }
}
