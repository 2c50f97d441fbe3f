package io.chatstream.simulator;

import java.time.Duration;

/** Parses the {@code --key=value} arguments of {@link BailianSimulator#main(String[])}. */
final class CommandLine {

    static final String USAGE = "usage: bailian-simulator [--host=127.0.0.1] [--port=18080] "
            + "[--first-token-delay-ms=150] [--chunk-delay-ms=30] [--chunks=24] [--max-threads=1024] "
            + "[--max-stall-ms=300000]";

    private CommandLine() {
    }

    static SimulatorSettings parse(String[] args, SimulatorSettings defaults) {
        SimulatorSettings settings = defaults;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --key=value, got: " + arg);
            }
            String key = arg.substring(2, equals);
            String value = arg.substring(equals + 1).trim();
            try {
                settings = switch (key) {
                    case "host" -> settings.withHost(value);
                    case "port" -> settings.withPort(Integer.parseInt(value));
                    case "first-token-delay-ms" -> settings.withFirstTokenDelay(Duration.ofMillis(Long.parseLong(value)));
                    case "chunk-delay-ms" -> settings.withInterChunkDelay(Duration.ofMillis(Long.parseLong(value)));
                    case "chunks" -> settings.withAnswerChunks(Integer.parseInt(value));
                    case "max-threads" -> settings.withMaxThreads(Integer.parseInt(value));
                    case "max-stall-ms" -> settings.withMaxStall(Duration.ofMillis(Long.parseLong(value)));
                    default -> throw new IllegalArgumentException("unknown option --" + key);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " needs a whole number, got: " + value);
            }
        }
        return settings;
    }
}
