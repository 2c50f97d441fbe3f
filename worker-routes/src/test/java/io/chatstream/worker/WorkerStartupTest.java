package io.chatstream.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class WorkerStartupTest {

    @Test
    @DisplayName("the worker refuses to start without an API key and says which variable to set")
    void failsWithoutApiKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WorkerApplication.class)
                .run("--chat.bailian.api-key=", "--server.port=0", "--camel.main.routes-include-pattern=none"))
                .hasStackTraceContaining("DASHSCOPE_API_KEY");
    }
}
