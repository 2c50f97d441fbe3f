package io.chatstream.gateway.api.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("well-formed query strings pass")
    @ValueSource(strings = {"", "cursor=abc", "page_size=10&cursor=c2Vzcw%3D%3D", "q=%C3%A9t%C3%A9+%F0%9F%98%80", "a=&b", "&&a=1&",
        "request_id=req-1&last_event_id=5", "x=<>|{}[]^`\\\"", "=value", "a=%41%4a%4A"})
    void passes(String query) {
        assertThat(QueryStrings.problem(query, false)).isEmpty();
    }

    @Test
    @DisplayName("no query string at all passes")
    void absent() {
        assertThat(QueryStrings.problem(null, false)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("malformed percent-encoding, non-ASCII characters, bytes that are not UTF-8 and control characters are refused")
    @ValueSource(strings = {"cursor=%%%garbage", "cursor=%", "cursor=%4", "cursor=abc%", "cursor=%G1", "cursor=%4g",
        "page_size=%zz", "%%=1", "cursor=%FF", "cursor=%00%FF", "cursor=%C3", "cursor=%E0%A4", "cursor=%C0%AF",
        "cursor=%ED%A0%80", "cursor=\u00e9", "ok=1&cursor=%%", "cursor=line%0Abreak", "cursor=a%0Db", "x=%00", "x=%09",
        "x=%7F", "%0A=1", "x=\n"})
    void refused(String query) {
        assertThat(QueryStrings.problem(query, true)).isPresent();
    }

    @Test
    @DisplayName("a repeated parameter is refused where the API asks for it, allowed elsewhere, and named in the reason")
    void repeats() {
        assertThat(QueryStrings.problem("page_size=10&page_size=20", false)).hasValue("parameter 'page_size' appears more than once");
        assertThat(QueryStrings.problem("cursor=a&cursor=a", false)).isPresent();
        assertThat(QueryStrings.problem("flag&flag", false)).isPresent();
        assertThat(QueryStrings.problem("%63ursor=a&cursor=b", false)).as("the same name, encoded differently").isPresent();
        assertThat(QueryStrings.problem("page_size=10&page_size=20", true)).isEmpty();
    }

    @Test
    @DisplayName("the reason names a parameter only when its name is plain (nothing odd reaches a message or a log)")
    void reasonNamesOnlyPlainNames() {
        assertThat(QueryStrings.problem("cursor=%%", true)).hasValue("the value of parameter 'cursor' is not well-formed percent-encoded UTF-8");
        assertThat(QueryStrings.problem("%3Cscript%3E=%%", true)).hasValue("the value of a parameter is not well-formed percent-encoded UTF-8");
        assertThat(QueryStrings.problem("%%=1", true)).hasValue("a parameter name is not well-formed percent-encoded UTF-8");
        assertThat(QueryStrings.problem("cursor=a%0Ab", true)).hasValue("the value of parameter 'cursor' contains a control character");
    }

    @Test
    @DisplayName("decoding is form decoding: + is a space, escapes are UTF-8 bytes")
    void decodes() {
        assertThat(QueryStrings.decode("a+b%2Bc%C3%A9")).hasValue("a b+cé");
    }
}
