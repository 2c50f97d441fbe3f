package io.chatstream.simulator;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emit time that {@code [sim:stamp]} puts in front of every delta: {@code [t=<epoch microseconds>] }.
 * Wall-clock microseconds, because the reader (a benchmark client) runs in another process on the same
 * machine and the answer text is the only thing that travels the whole pipeline to it.
 */
public final class EmitStamp {

    private static final Pattern STAMP = Pattern.compile("\\[t=(\\d{1,19})] ");

    private EmitStamp() {
    }

    /** The prefix for a delta written at {@code now}. */
    public static String prefix(Instant now) {
        return prefix(micros(now));
    }

    /** The prefix for a delta due at {@code epochMicros}. */
    public static String prefix(long epochMicros) {
        return "[t=" + epochMicros + "] ";
    }

    /** Epoch microseconds of {@code instant}. */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /**
     * Every emit time in {@code text}, in order: a reader that merges deltas (the worker coalesces pieces
     * that arrive close together) carries several stamps in one piece of text.
     */
    public static long[] all(String text) {
        return STAMP.matcher(text).results().mapToLong(m -> Long.parseLong(m.group(1))).toArray();
    }

    /** The emit time (epoch microseconds) of the first stamp found in {@code text}, if any. */
    public static OptionalLong find(String text) {
        Matcher m = STAMP.matcher(text);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
