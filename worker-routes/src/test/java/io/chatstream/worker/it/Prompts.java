package io.chatstream.worker.it;

import com.google.protobuf.Timestamp;
import io.chatstream.proto.v1.ContextTurn;
import io.chatstream.proto.v1.PromptSubmitted;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** PromptSubmitted events as the command service would publish them. */
final class Prompts {

    private Prompts() {
    }

    static PromptSubmitted prompt(String session, String text, List<ContextTurn> context) {
        Instant now = Instant.now();
        return PromptSubmitted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setRequestId(UUID.randomUUID().toString())
                .setSessionId(session)
                .setUserId("alice")
                .setTraceId(UUID.randomUUID().toString().replace("-", ""))
                .setTurn(context.size() / 2 + 1)
                .setPrompt(text)
                .addAllContext(context)
                .setSubmittedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .build();
    }

    static ContextTurn turn(String role, String content) {
        return ContextTurn.newBuilder().setRole(role).setContent(content).build();
    }
}
