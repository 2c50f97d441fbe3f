package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The benchmark's options as {@link BenchmarkCommand} reads them into {@link BenchmarkOptions}. */
class BenchmarkOptionsTest {

    @Test
    @DisplayName("quick is the default; full ramps to the issue's targets")
    void modes() {
        BenchmarkOptions quick = BenchmarkCommand.parse(new String[0]);
        BenchmarkOptions full = BenchmarkCommand.parse(new String[] {"--full"});

        assertThat(quick.mode()).isEqualTo("quick");
        assertThat(quick.scenarios()).containsExactlyElementsOf(BenchmarkOptions.ALL);
        assertThat(full.capacitySteps()).contains(400, 800);
        assertThat(full.idleConnections()).isEqualTo(10_000);
        assertThat(full.latencyRamp()).containsExactly(1, 25, 50);
        assertThat(full.chunkMs()).isEqualTo(50);
        assertThat(BenchmarkCommand.parse("--quick").mode()).isEqualTo("quick");
        assertThat(BenchmarkCommand.parse("--quick", "--full").mode()).isEqualTo("full");
    }

    @Test
    @DisplayName("every default of a quick and of a full run")
    void defaults() {
        BenchmarkOptions quick = BenchmarkCommand.parse();
        Path home = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        assertThat(quick.home()).isEqualTo(home);
        assertThat(quick.reportDir()).isEqualTo(home.resolve("benchmarks/target/report"));
        assertThat(quick.serviceJvmOpts()).as("each build's launcher default").isNull();
        assertThat(quick.jfr()).isFalse();
        assertThat(quick.firstTokenMs()).isEqualTo(100);
        assertThat(quick.chunkMs()).isEqualTo(50);
        assertThat(quick.chunks()).isEqualTo(20);
        assertThat(quick.warmup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(quick.phase()).isEqualTo(Duration.ofSeconds(15));
        assertThat(quick.latencyStreams()).isEqualTo(10);
        assertThat(quick.latencyRamp()).containsExactly(1);
        assertThat(quick.capacitySteps()).containsExactly(25, 50, 100, 200);
        assertThat(quick.repetitions()).isEqualTo(3);
        assertThat(quick.compareHome()).isNull();
        assertThat(quick.costChunks()).containsExactly(10, 60);
        assertThat(quick.costRate()).isEqualTo(8.0);
        assertThat(quick.fluency()).isEqualTo(new FluencyRule(0.95, 50));
        assertThat(quick.capacityChunks()).isEqualTo(60);
        assertThat(quick.submitUsers()).isEqualTo(500);
        assertThat(quick.submitConcurrency()).isEqualTo(48);
        assertThat(quick.idleConnections()).isEqualTo(1000);

        BenchmarkOptions full = BenchmarkCommand.parse("--full");
        assertThat(full.warmup()).isEqualTo(Duration.ofSeconds(180));
        assertThat(full.phase()).isEqualTo(Duration.ofSeconds(45));
        assertThat(full.capacitySteps()).containsExactly(25, 50, 100, 200, 400, 800);
        assertThat(full.submitUsers()).isEqualTo(2000);
        assertThat(full.submitConcurrency()).isEqualTo(96);
    }

    @Test
    @DisplayName("options override the defaults; unknown options and scenarios are refused naming them")
    void overrides() {
        BenchmarkOptions o = BenchmarkCommand.parse(new String[] {"--scenarios=latency,idle", "--idle-connections=20",
            "--capacity-steps=5,10", "--latency-ramp=1, 5", "--jfr"});

        assertThat(o.scenarios()).containsExactly("latency", "idle");
        assertThat(o.idleConnections()).isEqualTo(20);
        assertThat(o.capacitySteps()).containsExactly(5, 10);
        assertThat(o.latencyRamp()).containsExactly(1, 5);
        assertThat(o.jfr()).isTrue();
        assertThatThrownBy(() -> BenchmarkCommand.parse(new String[] {"--bogus"}))
                .isInstanceOf(ParameterException.class).hasMessage("Unknown option: '--bogus'");
        assertThatThrownBy(() -> BenchmarkCommand.parse(new String[] {"--scenarios=fast"}))
                .isInstanceOf(ParameterException.class).hasMessage("Invalid value for option '--scenarios' (NAME):"
                        + " 'fast' is not one of baseline, latency_ramp, latency, cost, capacity, submits, idle");
    }

    @Test
    @DisplayName("every remaining option in its --name=value form, as scripts/benchmark.sh passes it")
    void everyOption() {
        BenchmarkOptions o = BenchmarkCommand.parse("--full", "--home=/tmp/b", "--service-jvm-opts=-Xmx1g -XX:+UseZGC",
                "--sim-first-token-ms=5", "--sim-chunk-ms=6", "--sim-chunks=7", "--latency-streams=8", "--jfr=false",
                "--repetitions=5", "--compare-home=/tmp/old", "--warmup-s=30", "--phase-s=20", "--cost-chunks=5,50", "--cost-rate=2.5",
                "--min-delivered=0.9", "--max-emit-p99-ms=80");
        assertThat(o.home()).isEqualTo(Path.of("/tmp/b"));
        assertThat(o.reportDir()).isEqualTo(Path.of("/tmp/b/benchmarks/target/report"));
        assertThat(o.serviceJvmOpts()).isEqualTo("-Xmx1g -XX:+UseZGC");
        assertThat(o.firstTokenMs()).isEqualTo(5);
        assertThat(o.chunkMs()).isEqualTo(6);
        assertThat(o.chunks()).isEqualTo(7);
        assertThat(o.latencyStreams()).isEqualTo(8);
        assertThat(o.jfr()).isFalse();
        assertThat(o.mode()).isEqualTo("full");
        assertThat(o.repetitions()).isEqualTo(5);
        assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.phase()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.compareHome()).isEqualTo(Path.of("/tmp/old"));
        assertThat(o.costChunks()).containsExactly(5, 50);
        assertThat(o.costRate()).isEqualTo(2.5);
        assertThat(o.fluency()).isEqualTo(new FluencyRule(0.9, 80));
    }

    @Test
    @DisplayName("a bad number or flag value is refused naming the option and its form, never a bare exception")
    void refusals() {
        assertThatThrownBy(() -> BenchmarkCommand.parse("--sim-chunks=x")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--sim-chunks': 'x' is not an int");
        assertThatThrownBy(() -> BenchmarkCommand.parse("--capacity-steps=5,x")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--capacity-steps' (N): 'x' is not an int");
        assertThatThrownBy(() -> BenchmarkCommand.parse("--repetitions=0")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--repetitions': 0 is not at least 1");
        assertThatThrownBy(() -> BenchmarkCommand.parse("--cost-chunks=100,10")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--cost-chunks': two lengths, the shorter first (e.g. 10,100)");
        assertThatThrownBy(() -> BenchmarkCommand.parse("--full=yes")).isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--full': 'yes' is not true or false"
                        + " (a flag takes no value, or =true / =false)");
    }
}
