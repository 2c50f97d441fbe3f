package io.chatstream.gateway.api.application;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on use-case outcomes, shared by the concepts' application tests. */
public final class OutcomeAssertions {

    private OutcomeAssertions() {
    }

    /** The code of {@code outcome}, which must be a rejection. */
    public static String code(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejection().code();
    }
}
