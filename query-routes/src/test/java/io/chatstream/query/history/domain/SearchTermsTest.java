package io.chatstream.query.history.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    @DisplayName("a query is stripped of surrounding whitespace, an ideographic space included")
    void strips() {
        assertThat(SearchTerms.parse("  Rome\t", 100)).contains(new SearchTerms("Rome"));
        assertThat(SearchTerms.parse("\u3000天气\u3000", 100)).contains(new SearchTerms("天气"));
        assertThat(SearchTerms.parse("a  b", 100)).contains(new SearchTerms("a  b"));
    }

    @Test
    @DisplayName("a missing, empty or blank query is refused")
    void refusesBlank() {
        assertThat(SearchTerms.parse(null, 100)).isEmpty();
        assertThat(SearchTerms.parse("", 100)).isEmpty();
        assertThat(SearchTerms.parse(" \n\t ", 100)).isEmpty();
    }

    @Test
    @DisplayName("the length limit counts characters, so an emoji or a Chinese character is one")
    void countsCodePoints() {
        assertThat(SearchTerms.parse("x".repeat(100), 100)).isPresent();
        assertThat(SearchTerms.parse("x".repeat(101), 100)).isEmpty();
        assertThat(SearchTerms.parse("😀".repeat(100), 100)).isPresent();
        assertThat(SearchTerms.parse("天".repeat(100) + "气", 100)).isEmpty();
    }

    @Test
    @DisplayName("terms are found ignoring case for Latin letters and exactly for Chinese, wildcards as plain text")
    void findsSubstrings() {
        assertThat(new SearchTerms("rome").firstIn("A trip to ROME in May")).isEqualTo(10);
        assertThat(new SearchTerms("ÜBER").firstIn("alles über uns")).isEqualTo(6);
        assertThat(new SearchTerms("天气").firstIn("今天天气很好")).isEqualTo(2);
        assertThat(new SearchTerms("50%").firstIn("500 or 50% off")).isEqualTo(7);
        assertThat(new SearchTerms("a_b").firstIn("axb a_b")).isEqualTo(4);
        assertThat(new SearchTerms("天空").firstIn("今天天气很好")).isEqualTo(-1);
        assertThat(new SearchTerms("longer than it").firstIn("short")).isEqualTo(-1);
        assertThat(new SearchTerms("istanbul").firstIn("İİ to İSTANBUL")).as("lower-casing İ adds a char").isEqualTo(6);
    }
}
