package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the launcher prints and returns for a command line: help, refusals (exit 2) or the start. */
class StackCommandTest {

    /** Every option the launcher has taken so far; scripts, tests and docs pass them. */
    private static final List<String> OPTIONS = List.of("--home", "--state-dir", "--fresh", "--embedded", "--model",
            "--service-jvm-opts", "--gateway-jvm-opts", "--sim-first-token-ms", "--sim-chunk-ms", "--sim-chunks",
            "--restart", "--restart-backoff-ms", "--ready-timeout-s", "--cds", "--scale", "--front-door-send-rate",
            "--rebuild-read-model", "--gateway-port", "--command-port", "--command-grpc-port", "--worker-port",
            "--query-port", "--query-grpc-port", "--simulator-port", "--kafka-port", "--redis-port", "--mariadb-port",
            "--identity-port",
            "--help");
    private static final String HINT =
            "Usage: java -jar local-stack/target/local-stack.jar [OPTIONS]   (--help lists every option)";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<StackOptions> started = new ArrayList<>();

    private int run(String... args) {
        int[] exitCode = new int[1];
        assertThatCode(() -> exitCode[0] = StackCommand.execute(args, new PrintWriter(out), new PrintWriter(err),
                options -> {
                    started.add(options);
                    return 0;
                })).doesNotThrowAnyException();
        return exitCode[0];
    }

    @Test
    @DisplayName("--fresh=yes is refused in one line naming the flag and its forms, then the usage; exit 2")
    void flagWithAValue() {
        assertThat(run("--fresh=yes")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "Invalid value for option '--fresh': 'yes' is not true or false"
                        + " (a flag takes no value, or =true / =false)",
                HINT);
        assertThat(started).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    @DisplayName("--sim-chunks=x is refused naming the option and the type, no NumberFormatException; exit 2")
    void notANumber() {
        assertThat(run("--sim-chunks=x")).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly("Invalid value for option '--sim-chunks': 'x' is not an int", HINT);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(started).isEmpty();
    }

    @Test
    @DisplayName("a mistyped option gets picocli's suggestions; colliding ports and stray words exit 2 as well")
    void otherRefusals() {
        assertThat(run("--gatway-port=1")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown option: '--gatway-port=1'").contains("--gateway-port")
                .endsWith(HINT + System.lineSeparator());

        StringWriter collision = new StringWriter();
        assertThat(StackCommand.execute(new String[] {"--query-port=19092"}, new PrintWriter(out),
                new PrintWriter(collision), options -> 0)).isEqualTo(2);
        assertThat(collision.toString().lines()).containsExactly("--kafka-port and query (--query-port) would both"
                + " listen on 19092; every component needs a port of its own (move one with --<component>-port=N)",
                HINT);

        assertThat(run("start")).isEqualTo(2);
        assertThat(started).isEmpty();
    }

    @Test
    @DisplayName("the launcher gets the options and its exit code is the process's")
    void starts() {
        assertThat(run("--fresh", "--scale=2")).isZero();
        assertThat(started).singleElement().satisfies(o -> {
            assertThat(o.fresh()).isTrue();
            assertThat(o.scale().of("worker")).isEqualTo(2);
        });
        assertThat(StackCommand.execute(new String[0], new PrintWriter(out), new PrintWriter(err), options -> 1))
                .isEqualTo(1);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("--help prints every option, each with its description, and starts nothing")
    void help() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help).startsWith("Usage: java -jar local-stack/target/local-stack.jar [OPTIONS]")
                .contains("--sim-chunks=N", "simulator answer length in chunks (default 24)")
                .contains("--scale=SPEC", "--restart[=on|off]", "--kafka-port=PORT", "Kafka (default 19092)")
                .contains("--service-jvm-opts=\"…\"", "(default: -Xms64m -Xmx512m -XX:+UseSerialGC)")
                .contains("Flags (--fresh, --embedded, --rebuild-read-model) take no value, or =true / =false.")
                .contains("DASHSCOPE_API_KEY", "DASHSCOPE_BASE_URL");
        for (String option : OPTIONS) {
            assertThat(help).as("help describes %s", option)
                    .containsPattern("(?m)^ {6}" + Pattern.quote(option) + "(\\[?=\\S+)? +\\S");
        }
        assertThat(help.lines().filter(line -> line.matches(" {6}--.*"))).as("options in the help")
                .hasSize(OPTIONS.size());
        assertThat(started).isEmpty();
        assertThat(err.toString()).isEmpty();
        assertThat(StackCommand.usage()).isEqualTo(help);
    }
}
