package io.chatstream.worker.routes;

import com.google.protobuf.Timestamp;
import io.chatstream.contracts.EventJson;
import io.chatstream.proto.v1.PromptCancelled;
import io.chatstream.proto.v1.PromptSubmitted;

/** Event payloads as the command service publishes them (proto JSON). */
final class Payloads {

    static final String REQUEST_ID = "req-route-test-0001";
    static final String SESSION_ID = "ses-route-test-0001";
    static final String UNREADABLE = "{not json";

    private Payloads() {
    }

    static String promptSubmitted() {
        return EventJson.write(PromptSubmitted.newBuilder()
                .setEventId("evt-route-test-0001")
                .setRequestId(REQUEST_ID)
                .setSessionId(SESSION_ID)
                .setUserId("alice")
                .setTurn(1)
                .setPrompt("What is a route test?")
                .setSubmittedAt(Timestamp.newBuilder().setSeconds(1_700_000_000L)));
    }

    static String promptCancelled() {
        return EventJson.write(PromptCancelled.newBuilder()
                .setEventId("evt-route-test-0002")
                .setRequestId(REQUEST_ID)
                .setSessionId(SESSION_ID)
                .setUserId("alice")
                .setCancelledAt(Timestamp.newBuilder().setSeconds(1_700_000_100L)));
    }
}
