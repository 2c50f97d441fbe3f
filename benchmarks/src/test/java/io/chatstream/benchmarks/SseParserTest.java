package io.chatstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add);

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line, 42);
        }
    }

    @Test
    @DisplayName("the gateway's frames become events with id, name and data, dispatched by the blank line")
    void gatewayFrames() {
        feed("id:1", "event:token", "data:{\"seq\":1,\"text\":\"hi \"}", "", "id:2", "event:done", "data:{}", "");

        assertThat(events).extracting(SseEvent::id, SseEvent::name, SseEvent::data)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "token", "{\"seq\":1,\"text\":\"hi \"}"),
                        org.assertj.core.groups.Tuple.tuple("2", "done", "{}"));
        assertThat(events.get(0).receivedMicros()).isEqualTo(42);
    }

    @Test
    @DisplayName("a comment-only block is a heartbeat; a comment inside an event does not split it")
    void comments() {
        feed(": ping", "", "id:1", "event:result", ":HTTP_STATUS/200", "data:{}", "");

        assertThat(events).hasSize(2);
        assertThat(events.get(0).comment()).isTrue();
        assertThat(events.get(1).name()).isEqualTo("result");
        assertThat(events.get(1).comment()).isFalse();
    }

    @Test
    @DisplayName("one leading space after the colon is dropped, multi-line data is joined, CR is ignored")
    void fieldRules() {
        feed("data: a\r", "data:  b", "\r");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("message");
            assertThat(e.data()).isEqualTo("a\n b");
        });
    }
}
