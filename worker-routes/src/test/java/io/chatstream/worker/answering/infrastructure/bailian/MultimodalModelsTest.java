package io.chatstream.worker.answering.infrastructure.bailian;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultimodalModelsTest {

    private final MultimodalModels defaults = new MultimodalModels(
            List.of("qwen3.5*", "qvq*", "*-vl", "*-vl-*", "*-omni*", "*-audio*"));

    @ParameterizedTest(name = "{0}: multimodal endpoint only = {1}")
    @DisplayName("the default patterns send Qwen3.5, QVQ, VL, Omni and Audio models to the multimodal endpoint, text models not")
    @CsvSource({
        "qwen3.5-plus, true", "qwen3.5-flash, true", "QWEN3.5-PLUS, true", "qvq-max, true", "qwen-vl-max, true",
        "qwen3-vl-plus, true", "qwen2.5-vl-72b-instruct, true", "qwen-omni-turbo, true", "qwen3-omni-flash, true",
        "qwen-audio-turbo, true", "qwen-plus, false", "qwen3-max, false", "qwq-plus, false", "deepseek-r1, false",
        "qwen-turbo-vlx, false"
    })
    void families(String model, boolean multimodal) {
        assertThat(defaults.servedOnlyMultimodal(model)).isEqualTo(multimodal);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("patterns are literal apart from *, and an empty list sends nothing there")
    void literalPatterns() {
        assertThat(new MultimodalModels(List.of("a.b*")).servedOnlyMultimodal("axb-1")).isFalse();
        assertThat(new MultimodalModels(List.of("a.b*")).servedOnlyMultimodal("a.b-1")).isTrue();
        assertThat(new MultimodalModels(List.of()).servedOnlyMultimodal("qwen3.5-plus")).isFalse();
    }
}
