package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.simulator.EmitStamp;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamProbeTest {

    @Test
    @DisplayName("a gateway answer with stamped tokens yields first-token time and emit → receive per token")
    void gatewayAnswer() {
        long start = StreamProbe.nowMicros();
        StreamProbe probe = new StreamProbe(StreamProbe.Wire.GATEWAY, start);
        String stamp = EmitStamp.prefix(Instant.now());

        for (String line : new String[] {": ping", "", "id:1", "event:token",
            "data:{\"seq\":1,\"text\":\"" + stamp + "Thoosand \"}", "", "id:2", "event:token",
            "data:{\"seq\":2,\"text\":\"" + stamp + "of.\"}", "", "id:3", "event:done", "data:{\"seq\":3}", ""}) {
            probe.onNext(line);
        }
        probe.onComplete();

        assertThat(probe.finished()).isCompleted();
        assertThat(probe.succeeded(2)).isTrue();
        assertThat(probe.heartbeats()).isEqualTo(1);
        assertThat(probe.firstTokenMicros()).isGreaterThanOrEqualTo(start);
        assertThat(probe.firstEmitMicros()).isEqualTo(EmitStamp.find(stamp).orElseThrow());
        assertThat(probe.emitToReceive()).hasSize(2);
        assertThat(java.util.Arrays.stream(probe.emitToReceive()).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(probe.tokensBetween(start, StreamProbe.nowMicros() + 1)).isEqualTo(2);
        assertThat(probe.tokensBetween(StreamProbe.nowMicros() + 1, Long.MAX_VALUE)).isZero();

        LoadResult result = new LoadResult();
        result.window(start, StreamProbe.nowMicros() + 1, 1);
        result.delivered(probe);
        assertThat(result.windowTokens.sum()).isEqualTo(2);
        assertThat(result.tokens.sum()).isEqualTo(2);
    }

    @Test
    @DisplayName("a stream that closes without done, or with fewer tokens than asked, is an error with a reason")
    void incomplete() {
        StreamProbe cut = new StreamProbe(StreamProbe.Wire.GATEWAY, 0);
        cut.onNext("event:token");
        cut.onNext("data:{\"seq\":1,\"text\":\"a \"}");
        cut.onNext("");
        cut.onComplete();
        assertThat(cut.succeeded(1)).isFalse();
        assertThat(cut.problem(1)).isEqualTo("closed before the end of the answer");

        StreamProbe failed = new StreamProbe(StreamProbe.Wire.GATEWAY, 0);
        failed.onNext("event:error");
        failed.onNext("data:{\"code\":\"MODEL_UNAVAILABLE\"}");
        failed.onNext("");
        assertThat(failed.problem(1)).isEqualTo("error event MODEL_UNAVAILABLE");
    }

    @Test
    @DisplayName("the simulator's DashScope frames count content deltas and end on finish_reason stop")
    void dashscopeAnswer() {
        StreamProbe probe = new StreamProbe(StreamProbe.Wire.DASHSCOPE, 0);
        probe.onNext("id:1");
        probe.onNext("event:result");
        probe.onNext(":HTTP_STATUS/200");
        probe.onNext("data:{\"output\":{\"choices\":[{\"message\":{\"content\":\"hi \"},\"finish_reason\":\"null\"}]}}");
        probe.onNext("");
        probe.onNext("data:{\"output\":{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"stop\"}]}}");
        probe.onNext("");
        probe.onComplete();

        assertThat(probe.succeeded(1)).isTrue();
        assertThat(probe.tokens()).isEqualTo(1);
    }
}
