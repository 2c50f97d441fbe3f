package io.chatstream.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [sim:...]} markers found in the last user message. Length, timing and thinking markers
 * ({@code long}, {@code chunks=N}, {@code delay=F,C}, {@code fail-first=N}, {@code think=N},
 * {@code stamp}) combine with one outcome marker; when several outcome markers appear the first one
 * wins (the others must still be well-formed).
 *
 * @param outcome        what the request ends in
 * @param chunks         explicit chunk count, or {@code null}
 * @param longAnswer     {@code [sim:long]}: ten times the configured chunk count
 * @param firstToken     per-request first-token delay, or {@code null}
 * @param interChunk     per-request inter-chunk delay, or {@code null}
 * @param failFirst      how many attempts of this conversation fail with 500 first (0 = none)
 * @param stall          per-request stall length, or {@code null} (the configured maximum)
 * @param errorCode      the error of {@code [sim:error=CODE]}, {@code [sim:error-sse=CODE]} or
 *                       {@code [sim:error-mid=CODE]}; {@code InternalError.Algo} for a bare {@code [sim:error-mid]};
 *                       {@code null} for other outcomes
 * @param thinking       {@code [sim:think=N]}: reasoning deltas before the answer, or {@code null} ({@link Thinking})
 * @param stamp          {@code [sim:stamp]}: each delta starts with its emit time, for latency benchmarks
 * @param markers        the marker names in order of appearance, for the statistics
 * @param strippedText   the message text with every marker removed and trimmed
 */
record Directives(
        Outcome outcome,
        Integer chunks,
        boolean longAnswer,
        Duration firstToken,
        Duration interChunk,
        int failFirst,
        Duration stall,
        ErrorCode errorCode,
        Integer thinking,
        boolean stamp,
        List<String> markers,
        String strippedText) {

    static final int MAX_CHUNKS = 100_000;
    static final long MAX_DELAY_MS = 600_000;
    static final int MAX_FAIL_FIRST = 1_000;

    private static final Pattern MARKER = Pattern.compile("\\[sim:([a-z0-9-]+)(?:=([^\\]]*))?]");

    /** Reads the markers of {@code text}; throws {@link IllegalArgumentException} for unknown or malformed ones. */
    static Directives parse(String text) {
        Outcome outcome = Outcome.NORMAL;
        Integer chunks = null;
        boolean longAnswer = false;
        Duration firstToken = null;
        Duration interChunk = null;
        int failFirst = 0;
        Duration stall = null;
        ErrorCode errorCode = null;
        Integer thinking = null;
        boolean stamp = false;
        List<String> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            String argument = matcher.group(2);
            markers.add(name);
            switch (name) {
                case "long" -> longAnswer = true;
                case "stamp" -> {
                    if (argument != null) {
                        throw new IllegalArgumentException("[sim:stamp] takes no value");
                    }
                    stamp = true;
                }
                case "chunks" -> chunks = (int) number(name, argument, 1, MAX_CHUNKS);
                case "think" -> thinking = (int) number(name, argument, 1, MAX_CHUNKS);
                case "fail-first" -> failFirst = (int) number(name, argument, 0, MAX_FAIL_FIRST);
                case "delay" -> {
                    String[] parts = required(name, argument).split(",", -1);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("[sim:delay=F,C] needs two millisecond values: " + argument);
                    }
                    firstToken = Duration.ofMillis(number(name, parts[0], 0, MAX_DELAY_MS));
                    interChunk = Duration.ofMillis(number(name, parts[1], 0, MAX_DELAY_MS));
                }
                default -> {
                    Outcome named = Outcome.ofMarker(name);
                    if (named == null) {
                        throw new IllegalArgumentException("unknown simulator marker [sim:" + name + "]");
                    }
                    Duration namedStall = null;
                    ErrorCode namedError = null;
                    switch (named) {
                        case STALL -> namedStall = argument == null ? null
                                : Duration.ofMillis(number(name, argument, 0, MAX_DELAY_MS));
                        case ERROR, ERROR_SSE -> namedError = errorCode(name, argument);
                        case ERROR_MID -> namedError = argument == null ? ErrorCode.ALGO_ERROR
                                : errorCode(name, argument).midStream();
                        default -> {
                            if (argument != null) {
                                throw new IllegalArgumentException("[sim:" + name + "] takes no value");
                            }
                        }
                    }
                    if (outcome == Outcome.NORMAL) {
                        outcome = named;
                        stall = namedStall;
                        errorCode = namedError;
                    }
                }
            }
        }
        String stripped = MARKER.matcher(text).replaceAll("").trim();
        return new Directives(outcome, chunks, longAnswer, firstToken, interChunk, failFirst, stall, errorCode,
                thinking, stamp, List.copyOf(markers), stripped);
    }

    /** The number of content chunks of a generated answer, given the configured default. */
    int chunkCount(int configured) {
        if (chunks != null) {
            return chunks;
        }
        return longAnswer ? Math.min(MAX_CHUNKS, configured * 10) : configured;
    }

    private static String required(String name, String argument) {
        if (argument == null || argument.isBlank()) {
            throw new IllegalArgumentException("[sim:" + name + "=...] needs a value");
        }
        return argument;
    }

    private static ErrorCode errorCode(String name, String argument) {
        String code = required(name, argument).trim();
        return ErrorCode.named(code).orElseThrow(() -> new IllegalArgumentException(
                "[sim:" + name + "=" + code + "] is not a DashScope error code the simulator knows"));
    }

    private static long number(String name, String argument, long min, long max) {
        String value = required(name, argument).trim();
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            // Rethrown as IllegalArgumentException: the JDK HttpServer turns an escaping
            // NumberFormatException into its own bare 400 page.
            throw new IllegalArgumentException("[sim:" + name + "] value is not a number: " + value);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("[sim:" + name + "] value must be in [" + min + ", " + max + "]: " + value);
        }
        return parsed;
    }
}
