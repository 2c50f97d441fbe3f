package io.chatstream.worker.deadletters.application;

import java.util.List;
import java.util.Map;

/**
 * What a replay call did. {@code results} has one line per dead letter it tried (accepted or
 * refused); for a filter, {@code skipped} counts the matches it left alone by reason and
 * {@code remaining} those beyond this call's bound (call again to go on).
 */
public record ReplayReport(List<Line> results, int matched, int remaining, Map<String, Integer> skipped) {

    public record Line(String requestId, String result, String errorCode) {
    }
}
