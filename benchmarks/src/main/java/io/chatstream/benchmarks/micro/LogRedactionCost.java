package io.chatstream.benchmarks.micro;

import io.chatstream.support.observability.SecretMask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What masking secrets costs for one JSON log line: every string member of the line goes through
 * {@link SecretMask} before it is written (service-support's {@code LogRedaction}). The members are those of a
 * projection's line in the query service's log, the most frequent line per answer turn (two per turn), with no
 * secret in them, as nearly every line has none.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class LogRedactionCost {

    private final String[] members = {
            "2026-12-06T14:53:03.156581765Z", "INFO", "io.chatstream.query.projection.interfaces.EventProjections",
            "Camel (camel-1) thread #3 - KafkaConsumer[chat.prompt.submitted]", "query", "0.1.0-SNAPSHOT",
            "prompt 6c8a83c1-0cc4-434c-8f20-86e2413e3d05 projected: session 87d48e07-580a-495f-a463-8c9e0080cd55 turn 1",
            "88d767d10da4d2ed1892a41511141398", "3c617b0dcf1b6cb3", "8.11"};

    @Benchmark
    public void logLine(Blackhole sink) {
        for (String member : members) {
            sink.consume(SecretMask.mask(member));
        }
    }
}
