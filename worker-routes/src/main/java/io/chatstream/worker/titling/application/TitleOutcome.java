package io.chatstream.worker.titling.application;

import io.chatstream.worker.titling.domain.SuggestedTitle;

/** What came of one answer outcome: a title to publish, nothing to do, or a failure (the title stays). */
public sealed interface TitleOutcome {

    record Suggested(SuggestedTitle title) implements TitleOutcome {
    }

    /** Not a completed first answer, too old, or titles are off. */
    record NotNeeded() implements TitleOutcome {
    }

    /** {@code reason}: the provider's error code, TIMEOUT or EMPTY_TITLE. */
    record Failed(String reason) implements TitleOutcome {
    }
}
