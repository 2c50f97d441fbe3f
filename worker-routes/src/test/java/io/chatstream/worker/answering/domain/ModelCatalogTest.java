package io.chatstream.worker.answering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatstream.worker.answering.domain.OfferedModel.Thinking;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    @DisplayName("reads 'id | display name | capabilities | context tokens' entries split by ';' or new lines, in order")
    void entries() {
        ModelCatalog.Parsed parsed = ModelCatalog.parse("""
                qwen-plus | Qwen-Plus | thinking | 131072;
                qwq-plus | QwQ-Plus | thinking-only | 131072
                qwen3-flash | Qwen3 Flash | thinking-default, vision
                qwen-max
                """, "qwen-plus");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.catalog().models()).containsExactly(
                new OfferedModel("qwen-plus", "Qwen-Plus", Thinking.OPTIONAL, false, 131072),
                new OfferedModel("qwq-plus", "QwQ-Plus", Thinking.ALWAYS, false, 131072),
                new OfferedModel("qwen3-flash", "Qwen3 Flash", Thinking.DEFAULT, true, 0),
                new OfferedModel("qwen-max", "qwen-max", Thinking.NONE, false, 0));
        assertThat(parsed.catalog().defaultModel()).isEqualTo("qwen-plus");
    }

    @Test
    @DisplayName("the default model is always offered: first when the catalog left it out, or alone when there is none")
    void defaultAlwaysOffered() {
        assertThat(ModelCatalog.parse("qwen-max | Max", "qwen-plus").catalog().models())
                .extracting(OfferedModel::id).containsExactly("qwen-plus", "qwen-max");
        assertThat(ModelCatalog.parse("", "qwen-plus").catalog()).isEqualTo(ModelCatalog.only("qwen-plus"));
        assertThatThrownBy(() -> ModelCatalog.parse("", "no model!")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("unusable entries and values are skipped and reported; the rest of the catalog still applies")
    void problems() {
        ModelCatalog.Parsed parsed = ModelCatalog.parse(
                "bad model | x; qwen-max | Max | psychic | lots; qwen-max | again; a|b|c|d|e", "qwen-plus");

        assertThat(parsed.catalog().models()).containsExactly(OfferedModel.unlisted("qwen-plus"),
                new OfferedModel("qwen-max", "Max", Thinking.NONE, false, 0));
        assertThat(parsed.problems()).hasSize(5).anySatisfy(p -> assertThat(p).contains("bad model"))
                .anySatisfy(p -> assertThat(p).contains("psychic")).anySatisfy(p -> assertThat(p).contains("lots"))
                .anySatisfy(p -> assertThat(p).contains("listed twice")).anySatisfy(p -> assertThat(p).contains("a|b|c|d|e"));
    }

    @Test
    @DisplayName("find: blank = the default model, a listed id = its entry, anything else = not offered")
    void find() {
        ModelCatalog catalog = ModelCatalog.parse("qwen-max | Max", "qwen-plus").catalog();

        assertThat(catalog.find("")).contains(OfferedModel.unlisted("qwen-plus"));
        assertThat(catalog.find(" qwen-max ")).map(OfferedModel::displayName).contains("Max");
        assertThat(catalog.find("qwen-secret")).isEmpty();
    }

    @Test
    @DisplayName("thinks: never for a model that cannot, as asked for one that can, always for a thinking-only one")
    void thinks() {
        assertThat(new OfferedModel("m", "", Thinking.NONE, false, 0).thinks(true)).isFalse();
        assertThat(new OfferedModel("m", "", Thinking.OPTIONAL, false, 0).thinks(true)).isTrue();
        assertThat(new OfferedModel("m", "", Thinking.DEFAULT, false, 0).thinks(false)).isFalse();
        assertThat(new OfferedModel("m", "", Thinking.ALWAYS, false, 0).thinks(false)).isTrue();
    }
}
