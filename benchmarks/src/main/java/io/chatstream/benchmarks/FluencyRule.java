package io.chatstream.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * When a load step counts as carried: no error, at least {@code minDeliveredShare} of the offered chunks
 * delivered in the steady-state window, and emit → receive p99 at most {@code maxEmitToReceiveP99Ms}
 * (what a reader feels as a stutter). "Zero errors" alone let a step pass while it delivered a fraction
 * of its load seconds late.
 */
record FluencyRule(double minDeliveredShare, double maxEmitToReceiveP99Ms) {

    /** Why a step's summary ({@link LoadResult#summary()}) fails the rule; empty when it passes. */
    @SuppressWarnings("unchecked")
    List<String> failures(Map<String, Object> step) {
        List<String> failures = new ArrayList<>();
        long errors = ((Number) step.get("errors")).longValue();
        if (errors > 0) {
            failures.add(errors + " errors " + step.get("errors_by_reason"));
        }
        Object share = step.get("delivered_share");
        if (!(share instanceof Number n) || n.doubleValue() < minDeliveredShare) {
            failures.add("delivered " + share + " of the offered chunks (< " + minDeliveredShare + ")");
        }
        Object p99 = ((Map<String, Object>) step.get("emit_to_receive")).get("p99_ms");
        if (!(p99 instanceof Number n) || n.doubleValue() > maxEmitToReceiveP99Ms) {
            failures.add("emit → receive p99 " + p99 + " ms (> " + maxEmitToReceiveP99Ms + " ms)");
        }
        return failures;
    }

    /** Zero errors: the rule before this one, reported beside it for comparison with older figures. */
    static boolean passesOldRule(Map<String, Object> step) {
        return ((Number) step.get("errors")).longValue() == 0;
    }
}
