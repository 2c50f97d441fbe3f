package io.chatstream.query.streaming.interfaces;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.proto.v1.AnswerChunk;
import io.chatstream.query.streaming.domain.StreamChunk;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How stream chunks become AnswerChunks, kind by kind. */
class GrpcChunkSinkTest {

    private static StreamChunk chunk(String kind, long seq, String text) {
        return new StreamChunk(kind, seq, text, 2, "", "", 0, 0, "", "");
    }

    @Test
    @DisplayName("a thinking chunk carries its piece of reasoning in token and is not final")
    void thinking() {
        AnswerChunk c = GrpcChunkSink.toProto(chunk(StreamChunk.THINKING, 3, "Let me think."));

        assertThat(c.getKind()).isEqualTo("thinking");
        assertThat(c.getToken()).isEqualTo("Let me think.");
        assertThat(c.getSeq()).isEqualTo(3);
        assertThat(c.getAttempt()).isEqualTo(2);
        assertThat(c.getIsFinal()).isFalse();
        assertThat(c.hasUsage()).isFalse();
    }

    @Test
    @DisplayName("a token chunk carries its text; a done chunk none, but its usage")
    void tokenAndDone() {
        assertThat(GrpcChunkSink.toProto(chunk(StreamChunk.TOKEN, 4, "42")).getToken()).isEqualTo("42");

        AnswerChunk done = GrpcChunkSink.toProto(new StreamChunk(StreamChunk.DONE, 5, "", 2, "completed", "stop",
                3, 9, "", ""));

        assertThat(done.getToken()).isEmpty();
        assertThat(done.getIsFinal()).isTrue();
        assertThat(done.getUsage().getOutputTokens()).isEqualTo(9);
    }

    @Test
    @DisplayName("a kind this service does not know keeps its kind, seq and attempt, and carries no text")
    void unknownKind() {
        AnswerChunk c = GrpcChunkSink.toProto(chunk("tool_call", 6, "{}"));

        assertThat(c.getKind()).isEqualTo("tool_call");
        assertThat(c.getSeq()).isEqualTo(6);
        assertThat(c.getAttempt()).isEqualTo(2);
        assertThat(c.getToken()).isEmpty();
        assertThat(c.getIsFinal()).isFalse();
    }

    @Test
    @DisplayName("thinking chunks keep the call open and count as relayed chunks; the final one completes it")
    void sendsThinking() {
        List<AnswerChunk> received = new ArrayList<>();
        boolean[] completed = {false};
        int[] relayed = {-1};
        GrpcChunkSink sink = new GrpcChunkSink(new StreamObserver<AnswerChunk>() {
            @Override
            public void onNext(AnswerChunk value) {
                received.add(value);
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
                completed[0] = true;
            }
        }, (chunks, status) -> relayed[0] = chunks);

        sink.send(chunk(StreamChunk.THINKING, 1, "hmm"));
        sink.send(StreamChunk.heartbeat(1));
        assertThat(completed[0]).isFalse();
        sink.send(chunk(StreamChunk.TOKEN, 2, "42"));
        sink.send(new StreamChunk(StreamChunk.DONE, 3, "", 2, "completed", "stop", 1, 1, "", ""));

        assertThat(received).extracting(AnswerChunk::getKind)
                .containsExactly("thinking", "heartbeat", "token", "done");
        assertThat(completed[0]).isTrue();
        assertThat(relayed[0]).isEqualTo(3);
    }
}
