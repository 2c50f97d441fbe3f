package io.chatstream.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The page loads everything from the gateway itself: its scripts and stylesheets, and the Markdown,
 * highlighting and math libraries as WebJars, KaTeX's fonts included.
 */
class PageAssetsTest extends GatewayTestSupport {

    @Test
    @DisplayName("every script of the page is served by the gateway without a token, nothing comes from a CDN")
    void scriptsAreLocal() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContainPattern("(src|href)=\"(https?:)?//");

        List<String> scripts = new ArrayList<>();
        Matcher m = Pattern.compile("<script src=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) {
            scripts.add(m.group(1));
        }
        assertThat(scripts).containsSubsequence("/webjars/marked/lib/marked.umd.js", "/webjars/dompurify/dist/purify.min.js",
                "/webjars/highlightjs/highlight.min.js", "/webjars/katex/dist/katex.min.js", "i18n.js", "markdown.js",
                "app.js");
        for (String script : scripts) {
            HttpResponse<String> js = get(script.startsWith("/") ? script : "/" + script, null);
            assertThat(js.statusCode()).as(script).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).as(script).get().asString().contains("javascript");
            assertThat(js.body()).as(script).isNotBlank();
        }
    }

    @Test
    @DisplayName("every stylesheet is served by the gateway, and each font KaTeX's stylesheet names resolves next to it")
    void stylesheetsAndFontsAreLocal() throws Exception {
        HttpResponse<String> page = get("/", null);
        List<String> sheets = new ArrayList<>();
        Matcher m = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"").matcher(page.body());
        while (m.find()) {
            sheets.add(m.group(1));
        }
        assertThat(sheets).containsExactly("/webjars/katex/dist/katex.min.css", "app.css");
        for (String sheet : sheets) {
            HttpResponse<String> css = get(sheet.startsWith("/") ? sheet : "/" + sheet, null);
            assertThat(css.statusCode()).as(sheet).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).as(sheet).get().asString().contains("text/css");
        }

        // Relative to the stylesheet, so from the same origin ('self' in the CSP's font-src/default-src).
        String katex = get("/webjars/katex/dist/katex.min.css", null).body();
        Matcher url = Pattern.compile("url\\(([^)]+)\\)").matcher(katex);
        List<String> fonts = new ArrayList<>();
        while (url.find()) {
            fonts.add(url.group(1));
        }
        assertThat(fonts).hasSizeGreaterThanOrEqualTo(20).allMatch(f -> f.startsWith("fonts/KaTeX_"));
        for (String font : fonts) {
            HttpResponse<String> file = get("/webjars/katex/dist/" + font, null);
            assertThat(file.statusCode()).as(font).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(font).get().asString().startsWith("font/");
        }
    }

    @Test
    @DisplayName("the sanitizer served is DOMPurify 3.3.2 or later (earlier versions have published advisories)")
    void sanitizerIsPatched() throws Exception {
        HttpResponse<String> js = get("/webjars/dompurify/dist/purify.min.js", null);

        Matcher version = Pattern.compile("DOMPurify (\\d+)\\.(\\d+)\\.(\\d+)").matcher(js.body());
        assertThat(version.find()).as("version banner").isTrue();
        int[] v = {Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2)), Integer.parseInt(version.group(3))};
        assertThat(v[0] * 1_000_000 + v[1] * 1_000 + v[2]).as(version.group()).isGreaterThanOrEqualTo(3_003_002);
    }
}
