package io.chatstream.query.streaming.application;

/** What became of a request to stream an answer. */
public sealed interface StreamOpening {

    record Rejected(Rejection rejection) implements StreamOpening {
    }

    /** The request is not known here yet (its PromptSubmitted may still be on the way): ask again shortly. */
    record OwnershipUnknown() implements StreamOpening {
    }

    /** The stream had expired; the stored answer was sent whole. */
    record Replayed() implements StreamOpening {
    }

    record Following() implements StreamOpening {
    }
}
