package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatstream.simulator.AnswerText;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in a real browser (headless Debian Chromium) against the whole stack started as
 * real processes, as a person uses it: sign in, send with Enter, watch the answer grow, stop it,
 * reload in the middle of an answer, switch conversations, and try to make the model run script.
 * A screenshot of every scenario's end state is kept in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPageBrowserIT {

    /** Slow enough to watch: first token after 50 ms, then one every 150 ms. */
    private static final String SLOW = " [sim:delay=50,150]";
    /** What the stack's simulator is started with ({@code --sim-chunks} default). */
    private static final int DEFAULT_CHUNKS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path target = RunningStack.projectRoot().resolve("local-stack/target");
    private RunningStack stack;
    private ChromeDriver browser;
    private String user;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "needs Debian's chromium and chromium-driver ("
                + HeadlessChromium.BROWSER + ", " + HeadlessChromium.DRIVER + ")");
        long run = System.nanoTime();
        browser = HeadlessChromium.start(target.resolve("chromium-profile-" + run),
                target.resolve("chromedriver-" + run + ".log"));
        // A generous send allowance: one scenario starts 120 conversations in a row (everySessionReachable).
        stack = RunningStack.start("browser",
                "--gateway-jvm-opts=-Xmx1536m -Dchat.rate-limit.capacity=400 -Dchat.rate-limit.refill-tokens=400");
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        if (browser == null) {
            return;
        }
        String scenario = test.getTestMethod().orElseThrow().getName();
        Path dir = Files.createDirectories(target.resolve("screenshots"));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(scenario + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .forEach(entry -> System.out.printf("[%s] browser console %s: %s%n", scenario, entry.getLevel(),
                        entry.getMessage()));
    }

    @Test
    @DisplayName("a prompt typed over two lines (Shift+Enter) and sent with Enter is answered token by token, "
            + "visibly growing until done")
    void progressiveAnswer() throws Exception {
        signIn();
        String prompt = "Explain streaming answers\nin a few words" + SLOW;
        // What a screen reader would hear: every change of the live region.
        browser.executeScript("window.__announced = []; const a = document.getElementById('announcer');"
                + " new MutationObserver(() => window.__announced.push(a.textContent))"
                + ".observe(a, {childList: true, characterData: true, subtree: true});");

        browser.findElement(By.id("prompt")).sendKeys("Explain streaming answers", Keys.chord(Keys.SHIFT, Keys.ENTER));
        assertThat(browser.findElement(By.id("prompt")).getDomProperty("value")).as("Shift+Enter adds a line")
                .isEqualTo("Explain streaming answers\n");
        send("in a few words" + SLOW);
        List<Integer> lengths = new ArrayList<>();
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(30)).until(d -> {
            int length = textOf(answer).length();
            if (lengths.isEmpty() || lengths.get(lengths.size() - 1) != length) {
                lengths.add(length);
            }
            return !isStreaming(answer);
        });

        assertThat(lengths.stream().filter(l -> l > 0).distinct().count())
                .as("distinct non-empty lengths seen while streaming: %s", lengths).isGreaterThanOrEqualTo(3);
        assertThat(lengths).as("the answer only grows").isSorted();
        assertThat(layoutFree(textOf(answer))).isEqualTo(layoutFree(AnswerText.visibleText(prompt, DEFAULT_CHUNKS)));
        assertThat(browser.findElement(By.id("stop")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("send")).isDisplayed()).isTrue();
        assertThat(textOf(lastUser())).as("one message with both lines").isEqualTo(prompt);
        assertThat(browser.findElements(By.cssSelector("#messages .msg"))).hasSize(2);
        assertThat(browser.findElement(By.id("messages")).getDomAttribute("aria-live"))
                .as("the messages are not announced per token").isNull();
        assertThat(browser.executeScript("return window.__announced")).asList().as("the answer is announced once")
                .singleElement().asString().startsWith("Answer: ").contains(textOf(answer).substring(0, 20));
    }

    @Test
    @DisplayName("Stop ends a streaming answer, which stays partial and shows as stopped after a reload")
    void stopMidAnswer() throws Exception {
        signIn();
        String prompt = "Write a very long essay [sim:chunks=60]" + SLOW;
        String full = AnswerText.text(prompt, 60);

        send(prompt);
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(20)).until(d -> textOf(answer).length() > 20);
        browser.findElement(By.id("stop")).sendKeys(Keys.ENTER); // by keyboard: the button takes focus and Enter

        waiting(Duration.ofSeconds(20)).until(d -> !isStreaming(answer) && !browser.findElement(By.id("stop")).isDisplayed());
        String partial = textOf(answer);
        assertThat(statusOf(answer)).isEqualTo("Stopped");
        assertThat(full).as("what was shown is the beginning of the answer").startsWith(partial);
        assertThat(partial.length()).isBetween(1, full.length() - 1);
        assertUnchangedFor(answer, partial, Duration.ofMillis(1500));

        browser.navigate().refresh();
        WebElement reloaded = waiting(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector("#messages .msg.assistant"));
            return answers.size() == 1 && !isStreaming(answers.get(0)) && "Stopped".equals(statusOf(answers.get(0)))
                    ? answers.get(0) : null;
        });
        assertThat(textOf(reloaded)).isEqualTo(partial);
        JsonNode stored = history(currentSession()).get(1);
        assertThat(stored.get("status").asText()).isEqualTo("stopped");
        assertThat(stored.get("content").asText().strip()).as("Markdown drops trailing blanks").isEqualTo(partial);
    }

    @Test
    @DisplayName("a reload in the middle of an answer resumes it live and it completes with the full text")
    void reloadMidAnswer() throws Exception {
        signIn();
        String prompt = "Tell me a long story [sim:chunks=40]" + SLOW;
        String full = AnswerText.text(prompt, 40);

        send(prompt);
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(20)).until(d -> textOf(answer).length() > 10);
        assertThat(isStreaming(answer)).as("still streaming before the reload").isTrue();

        browser.navigate().refresh();
        WebElement resumed = waiting(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector("#messages .msg.assistant"));
            return answers.size() == 1 && isStreaming(answers.get(0)) ? answers.get(0) : null;
        });
        assertThat(browser.findElement(By.id("stop")).isDisplayed()).as("Stop offered again after the reload").isTrue();
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(resumed));

        assertThat(layoutFree(textOf(resumed))).isEqualTo(layoutFree(AnswerText.visibleText(prompt, 40)));
        assertThat(statusOf(resumed)).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#messages .msg"))).hasSize(2);
        waiting(Duration.ofSeconds(15)).until(d -> {
            try {
                JsonNode stored = history(currentSession()).get(1);
                return stored.get("status").asText().equals("completed") && stored.get("content").asText().equals(full);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @DisplayName("a second tab opened in the middle of an answer shows the whole answer, live, in both tabs")
    void secondTabMidAnswer() throws Exception {
        signIn();
        String prompt = "Describe two windows [sim:chunks=40]" + SLOW;
        String full = layoutFree(AnswerText.visibleText(prompt, 40));
        String firstTab = browser.getWindowHandle();

        send(prompt);
        WebElement first = lastAssistant();
        waiting(Duration.ofSeconds(20)).until(d -> textOf(first).length() > 10);
        browser.switchTo().newWindow(WindowType.TAB).get(stack.gateway() + "/");
        try {
            WebElement second = waiting(Duration.ofSeconds(20)).until(d -> {
                List<WebElement> answers = d.findElements(By.cssSelector("#messages .msg.assistant"));
                return answers.size() == 1 && isStreaming(answers.get(0)) ? answers.get(0) : null;
            });
            waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(second));
            assertThat(layoutFree(textOf(second))).as("the tab that joined late").isEqualTo(full);
        } finally {
            browser.close();
            browser.switchTo().window(firstTab);
        }
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(first));
        assertThat(layoutFree(textOf(first))).as("the tab that sent it").isEqualTo(full);
    }

    @Test
    @DisplayName("New chat starts an empty conversation and the sidebar switches back to the first one")
    void switchConversations() throws Exception {
        signIn();
        String alpha = "Alpha question about rivers";
        String beta = "Beta question about mountains";

        send(alpha);
        awaitAnswered();
        browser.findElement(By.id("new-chat")).click();
        waiting(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#messages .msg")).isEmpty()
                && d.findElement(By.id("empty")).isDisplayed());
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("New chat");
        send(beta);
        awaitAnswered();

        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 2);
        openFromSidebar("Alpha");
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(alpha));
        assertThat(layoutFree(textOf(lastAssistant()))).isEqualTo(layoutFree(AnswerText.visibleText(alpha, DEFAULT_CHUNKS)));
        assertThat(browser.findElement(By.id("title")).getText()).startsWith("Alpha");
        waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> sidebarEntry("Alpha").getAttribute("class").contains("active"));

        openFromSidebar("Beta");
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(beta));
        assertThat(layoutFree(textOf(lastAssistant()))).isEqualTo(layoutFree(AnswerText.visibleText(beta, DEFAULT_CHUNKS)));
    }

    @Test
    @DisplayName("model output with markup is shown as text and never runs script, live or from history")
    void modelOutputCannotRunScript() throws Exception {
        signIn();
        String payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

        send(payload + " [sim:echo]");
        awaitAnswered();
        assertThat(textOf(lastAssistant())).isEqualTo(payload);
        assertNoScriptRan();

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(payload + " [sim:echo]"));
        assertThat(textOf(lastAssistant())).isEqualTo(payload);
        assertNoScriptRan();
    }

    @Test
    @DisplayName("five turns in one conversation: the model receives all earlier turns (issue 3, end to end)")
    void fiveTurns() throws Exception {
        signIn();
        for (int turn = 1; turn <= 4; turn++) {
            send("Turn " + turn + " of a long conversation");
            awaitAnswered();
        }
        send("Turn 5: how many messages do you see? [sim:count]");
        awaitAnswered();

        assertThat(browser.findElements(By.cssSelector("#messages .msg.user"))).hasSize(5);
        assertThat(browser.findElements(By.cssSelector("#messages .msg.assistant"))).hasSize(5);
        assertThat(textOf(lastAssistant())).isEqualTo("messages=9 user=5 assistant=4 system=0");
    }

    @Test
    @DisplayName("an answer in Markdown is rendered: heading, bold, inline code, a list and a code block, also after a reload")
    void markdownAnswer() throws Exception {
        signIn();
        String markdown = "# Plan\n\nUse **bold** and `inline` code:\n\n- first item\n- second item\n\n"
                + "```java\nif (a < b && c > d) { return \"<tag>\"; }\n```";

        sendMultiline(markdown + "\n[sim:echo]");
        awaitAnswered();
        assertMarkdownRendered(lastAssistant());

        browser.navigate().refresh();
        WebElement reloaded = waiting(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> answers = d.findElements(By.cssSelector("#messages .msg.assistant h1"));
            return answers.isEmpty() ? null : lastAssistant();
        });
        assertMarkdownRendered(reloaded);
        assertThat(textOf(lastUser())).as("the prompt stays plain text").startsWith("# Plan");
        assertThat(lastUser().findElements(By.cssSelector("h1, strong"))).isEmpty();
    }

    @Test
    @DisplayName("Copy puts the answer's raw Markdown on the clipboard, a code block's button only its code; usage shows quietly")
    void copyAnswerAndCode() throws Exception {
        signIn();
        String markdown = "## Steps\n\nRun **this**:\n\n```bash\necho \"hi\" && exit 0\n```";
        sendMultiline(markdown + "\n[sim:echo]");
        awaitAnswered();
        // The page's clipboard calls, recorded (headless Chromium has no system clipboard to read back).
        browser.executeScript("window.__copied = []; navigator.clipboard.writeText = (t) => {"
                + " window.__copied.push(t); return Promise.resolve(); };");

        WebElement answer = lastAssistant();
        WebElement copy = answer.findElement(By.cssSelector(".actions .copy"));
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        waiting(Duration.ofSeconds(5)).until(d -> "Copied".equals(copy.getText()));
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(answer.findElement(By.cssSelector("pre"))).perform();
        answer.findElement(By.cssSelector("pre .copy-code")).click();

        assertThat(browser.executeScript("return window.__copied")).asList()
                .containsExactly(markdown, "echo \"hi\" && exit 0\n");
        assertThat(answer.findElement(By.cssSelector(".actions .usage")).getText()).matches("\\d+ \\+ \\d+ tokens");
    }

    @Test
    @DisplayName("TeX in an answer is typeset (inline and display, underscores intact), prices stay text, a code block "
            + "is highlighted and still copies as written; nothing breaks the page's CSP, live or after a reload")
    void mathAndCodeRender() throws Exception {
        signIn();
        // Every CSP violation of the page from now on, besides the console's (the answer renders after this).
        browser.executeScript("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                + " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        String code = "public class Fees {\n    static int total(int a, int b) { return a + b; } // sum\n}\n";
        String markdown = "Inline $a_1 + b_1$ and a display formula:\n\n$$\\int_0^1 x^2\\,dx$$\n\n"
                + "It costs $5 and $6 today.\n\n```java\n" + code + "```";
        // In three deltas some 200 ms apart: formulas are rendered half-written first.
        sendMultiline(markdown + "\n[sim:echo][sim:delay=50,200]");
        awaitAnswered();
        WebElement answer = lastAssistant();
        assertMathAndCode(answer, code);

        browser.executeScript("window.__copied = []; navigator.clipboard.writeText = (t) => {"
                + " window.__copied.push(t); return Promise.resolve(); };");
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(answer.findElement(By.cssSelector("pre"))).perform();
        answer.findElement(By.cssSelector("pre .copy-code")).click();
        assertThat(browser.executeScript("return window.__copied")).asList().as("the code as written, no markup")
                .containsExactly(code);

        // KaTeX's fonts come from the gateway (/webjars/katex/dist/fonts/), which the CSP allows.
        waiting(Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(browser.executeScript(
                "return [...document.fonts].some((f) => f.family.includes('KaTeX_Main') && f.status === 'loaded')")));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                Files.createDirectories(target.resolve("screenshots")).resolve("mathAndCodeLight.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("theme-switch")).click();
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                target.resolve("screenshots").resolve("mathAndCodeDark.png"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(answer.findElement(By.cssSelector(".hljs-keyword")).getCssValue("color"))
                .as("the dark palette's keyword colour").isEqualTo("rgba(255, 123, 114, 1)");
        browser.findElement(By.id("theme-switch")).click();
        assertThat(answer.findElement(By.cssSelector(".hljs-keyword")).getCssValue("color"))
                .as("the light palette's keyword colour").isEqualTo("rgba(207, 34, 46, 1)");

        // Half-written and wrong TeX, as the page renders it: text and KaTeX's error marking, never an exception.
        Object partial = browser.executeScript("const e = document.createElement('div');"
                + " ChatMarkdown.render(e, 'So $$\\\\int_0^1 x'); return [e.querySelectorAll('.katex').length, e.textContent];");
        assertThat(partial).asList().containsExactly(0L, "So $$\\int_0^1 x\n");
        Object wrong = browser.executeScript("const e = document.createElement('div');"
                + " ChatMarkdown.render(e, 'Bad $\\\\frac{a$ here'); const x = e.querySelector('.katex-error');"
                + " return [x.textContent, x.title.startsWith('KaTeX parse error'), e.querySelector('p').textContent];");
        assertThat(wrong).asList().containsExactly("\\frac{a", true, "Bad \\frac{a here");

        assertThat(browser.executeScript("return window.__csp")).asList().as("CSP violations").isEmpty();

        browser.navigate().refresh();
        browser.executeScript("window.__csp = []; document.addEventListener('securitypolicyviolation',"
                + " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        WebElement reloaded = waiting(Duration.ofSeconds(20)).until(d ->
                d.findElements(By.cssSelector("#messages .msg.assistant .katex-display")).isEmpty() ? null : lastAssistant());
        assertMathAndCode(reloaded, code);

        assertThat(browser.executeScript("return window.__csp")).asList().as("CSP violations after the reload").isEmpty();
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
        assertThat(console).as("the browser console").noneMatch(line -> line.contains("Content Security Policy"));
    }

    private void assertMathAndCode(WebElement answer, String code) {
        List<String> tex = answer.findElements(By.cssSelector(".text annotation[encoding='application/x-tex']")).stream()
                .map(a -> a.getDomProperty("textContent")).toList();
        assertThat(tex).as("the TeX KaTeX typeset, as written (underscores, backslashes)")
                .containsExactly("a_1 + b_1", "\\int_0^1 x^2\\,dx");
        assertThat(answer.findElements(By.cssSelector(".text p .katex"))).as("inline").hasSize(1);
        assertThat(answer.findElements(By.cssSelector(".text .katex-display"))).as("display").hasSize(1);
        assertThat(answer.findElements(By.cssSelector(".text .katex-error, .text em"))).isEmpty();
        assertThat(answer.findElements(By.cssSelector(".text p")).stream().map(WebElement::getText))
                .as("money is not math").contains("It costs $5 and $6 today.");

        WebElement block = answer.findElement(By.cssSelector(".text pre code"));
        assertThat(block.getAttribute("class")).contains("language-java", "hljs");
        assertThat(block.findElements(By.cssSelector(".hljs-keyword")).stream().map(WebElement::getText))
                .contains("public", "class", "static", "return");
        assertThat(block.findElements(By.cssSelector(".hljs-type")).stream().map(WebElement::getText)).contains("int");
        assertThat(block.findElements(By.cssSelector(".hljs-comment"))).hasSize(1);
        assertThat(block.getDomProperty("textContent")).as("highlighting keeps the text").isEqualTo(code);
        assertThat(answer.findElements(By.cssSelector(".text pre .copy-code"))).hasSize(1);
    }

    @Test
    @DisplayName("dark mode: the theme switch turns the page dark, and the choice survives a reload")
    void darkMode() throws Exception {
        signIn();
        assertThat(background()).as("light by default (the browser prefers light)").isEqualTo("rgb(255, 255, 255)");
        browser.findElement(By.id("theme-switch")).click();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("data-theme")).isEqualTo("dark");
        assertThat(background()).isEqualTo("rgb(19, 19, 20)");
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> "rgb(19, 19, 20)".equals(background()));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                Files.createDirectories(target.resolve("screenshots")).resolve("darkModeAfterReload.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("theme-switch")).click();
        assertThat(background()).isEqualTo("rgb(255, 255, 255)");
    }

    private String background() {
        return String.valueOf(browser.executeScript("return getComputedStyle(document.body).backgroundColor"));
    }

    private void assertMarkdownRendered(WebElement answer) {
        assertThat(answer.findElement(By.cssSelector(".text h1")).getText()).isEqualTo("Plan");
        assertThat(answer.findElement(By.cssSelector(".text strong")).getText()).isEqualTo("bold");
        assertThat(answer.findElement(By.cssSelector(".text p code")).getText()).isEqualTo("inline");
        assertThat(answer.findElements(By.cssSelector(".text ul li"))).extracting(WebElement::getText)
                .containsExactly("first item", "second item");
        WebElement code = answer.findElement(By.cssSelector(".text pre code"));
        assertThat(code.getDomProperty("textContent")).isEqualTo("if (a < b && c > d) { return \"<tag>\"; }\n");
        assertThat(code.getAttribute("class")).contains("language-java");
    }

    @Test
    @DisplayName("with Markdown on, model output with HTML, event handlers, javascript: links and script in code never runs")
    void markdownCannotRunScript() throws Exception {
        signIn();
        String payload = "**Click** [here](javascript:window.__xss=3) or <a href=\"javascript:window.__xss=4\">there</a>\n\n"
                + "<img src=x onerror=\"window.__xss=1\"> <svg onload=\"window.__xss=5\"></svg>\n\n"
                + "<script>window.__xss=2</script>\n\n```html\n<script>window.__xss=6</script>\n```\n\n"
                + "![pixel](http://127.0.0.1:9/track.png)";

        sendMultiline(payload + "\n[sim:echo]");
        awaitAnswered();
        WebElement answer = lastAssistant();
        assertThat(answer.findElement(By.cssSelector(".text strong")).getText()).as("Markdown is on").isEqualTo("Click");
        assertThat(textOf(answer)).as("raw HTML is shown as text").contains("<img src=x onerror=", "<script>window.__xss=2</script>");
        for (WebElement link : answer.findElements(By.cssSelector(".text a"))) {
            link.click();
        }
        Thread.sleep(300);
        assertNoScriptRan();

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#messages .msg.assistant strong")).isEmpty());
        assertNoScriptRan();
    }

    @Test
    @DisplayName("a conversation is renamed inline (markup stays text, survives a reload) and deleted after confirming")
    void renameAndDelete() throws Exception {
        signIn();
        send("First conversation to rename");
        awaitAnswered();
        browser.findElement(By.id("new-chat")).click();
        send("Second conversation to keep");
        awaitAnswered();
        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 2);

        String title = "<b>Renamed</b> & kept";
        clickSessionAction("First", "Rename");
        WebElement field = waiting(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("#sessions input.rename")));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), title, Keys.ENTER);
        waiting(Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#sessions li .name")).stream()
                        .anyMatch(n -> n.getText().equals(title)));
        assertThat(browser.findElements(By.cssSelector("#sessions b"))).as("the title is text, not markup").isEmpty();

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#sessions li .name")).stream()
                        .anyMatch(n -> n.getText().equals(title)));

        clickSessionAction(title, "Delete");
        browser.switchTo().alert().dismiss();
        assertThat(browser.findElements(By.cssSelector("#sessions li"))).as("declined: nothing deleted").hasSize(2);
        clickSessionAction(title, "Delete");
        browser.switchTo().alert().accept();
        waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 1);
        assertThat(sidebarEntry("Second")).isNotNull();
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 1
                && d.findElements(By.cssSelector("#sessions li .name")).get(0).getText().startsWith("Second"));

        // The read model learns of a delete through an event, so a reload right after it may still list the
        // conversation: the tab remembers what it deleted (sessionStorage) and leaves it out. Shown on the kept
        // conversation, marked as just deleted while the read model lists it; unmarked, it is listed again.
        openFromSidebar("Second");
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation("Second conversation to keep"));
        browser.executeScript("sessionStorage.setItem('chat.recentDeletes', JSON.stringify({[arguments[0]]: Date.now()}))",
                currentSession());
        browser.navigate().refresh();
        // The page reads the list before the open conversation: once the conversation shows, the list is drawn.
        waiting(Duration.ofSeconds(20)).until(d -> showsConversation("Second conversation to keep"));
        assertThat(browser.findElements(By.cssSelector("#sessions li"))).as("marked as just deleted: not listed").isEmpty();
        browser.executeScript("sessionStorage.removeItem('chat.recentDeletes')");
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 1);
    }

    @Test
    @DisplayName("a pinned conversation stays on top (also after a reload), and goes back to its place in time when unpinned")
    void pinKeepsOnTop() throws Exception {
        signIn();
        List<String> sessions = new ArrayList<>(); // oldest first
        for (String prompt : List.of("Oldest conversation to pin", "Middle conversation", "Newest conversation")) {
            if (!sessions.isEmpty()) {
                browser.findElement(By.id("new-chat")).click();
            }
            send(prompt);
            awaitAnswered();
            sessions.add(currentSession());
        }
        // Suggested titles may still reorder the list a little (a title is activity): pin once it settled.
        List<String> byTime = settledOrder();
        assertThat(byTime).containsExactlyInAnyOrderElementsOf(sessions);
        String oldest = sessions.get(0);

        WebElement pin = pinButton(oldest);
        assertThat(pin.getDomAttribute("aria-label")).isEqualTo("Pin");
        pin.sendKeys(Keys.ENTER); // by keyboard: the button is reachable by Tab
        List<String> pinnedFirst = new ArrayList<>(List.of(oldest));
        byTime.stream().filter(id -> !id.equals(oldest)).forEach(pinnedFirst::add);
        waiting(Duration.ofSeconds(20)).until(d -> sidebarOrder().equals(pinnedFirst));
        assertThat(pinButton(oldest).getDomAttribute("aria-label")).isEqualTo("Unpin");
        assertThat(browser.findElements(By.cssSelector("#sessions li.pinned .pin-mark"))).hasSize(1);

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).until(d -> sidebarOrder().equals(pinnedFirst));
        assertThat(browser.findElements(By.cssSelector("#sessions li.pinned"))).hasSize(1);

        pinButton(oldest).sendKeys(Keys.ENTER);
        waiting(Duration.ofSeconds(20)).until(d -> sidebarOrder().equals(byTime)
                && d.findElements(By.cssSelector("#sessions li.pinned")).isEmpty());
        assertThat(pinButton(oldest).getDomAttribute("aria-label")).isEqualTo("Pin");
    }

    /** The conversations in the sidebar, top to bottom, by session id (titles may change under a suggestion). */
    @SuppressWarnings("unchecked")
    private List<String> sidebarOrder() {
        // One script, so a redraw of the list cannot leave a stale element half way.
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#sessions .session-action.pin')].map((b) => b.dataset.session);");
    }

    /** The sidebar's order once it stayed the same longer than the page's last title refresh (10 s). */
    private List<String> settledOrder() throws InterruptedException {
        List<String> last = List.of();
        long changedAt = System.nanoTime();
        long deadline = changedAt + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> now = sidebarOrder();
            if (!now.equals(last)) {
                last = now;
                changedAt = System.nanoTime();
            } else if (now.size() == 3 && System.nanoTime() - changedAt > Duration.ofSeconds(12).toNanos()) {
                return now;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the sidebar did not settle: " + last);
    }

    /**
     * A conversation's Pin/Unpin button, shown by pointing at its entry (as {@link #clickSessionAction} does), found again
     * if the list was redrawn meanwhile.
     */
    private WebElement pinButton(String sessionId) {
        return waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement button = d.findElements(By.cssSelector("#sessions li .session-action.pin")).stream()
                            .filter(b -> sessionId.equals(b.getDomAttribute("data-session"))).findFirst().orElse(null);
                    if (button == null) {
                        return null;
                    }
                    new org.openqa.selenium.interactions.Actions(browser)
                            .moveToElement(button.findElement(By.xpath(".."))).perform();
                    return button;
                });
    }

    @Test
    @DisplayName("a send whose reply is lost shows a clear error with Retry; Retry sends it once (same request id, no duplicate)")
    void errorAndRetry() throws Exception {
        signIn();
        // The network drops the reply of the first send after the server accepted it.
        browser.executeScript("""
                const real = window.fetch; let dropped = false;
                window.fetch = async (url, options) => {
                  const response = await real(url, options);
                  if (!dropped && String(url).includes('/api/chat/send')) { dropped = true; throw new TypeError('Failed to fetch'); }
                  return response;
                };""");
        String prompt = "Retry me please";
        WebElement input = browser.findElement(By.id("prompt"));
        input.sendKeys(prompt, Keys.ENTER);

        WebElement bar = waiting(Duration.ofSeconds(15)).until(d -> {
            WebElement b = d.findElement(By.id("error-bar"));
            return b.isDisplayed() ? b : null;
        });
        assertThat(bar.getText()).contains("could not be reached");
        assertThat(input.getDomProperty("value")).as("the prompt is kept for the retry").isEqualTo(prompt);
        assertThat(browser.findElements(By.cssSelector("#messages .msg"))).isEmpty();

        browser.findElement(By.id("error-retry")).click();
        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#messages .msg.assistant")).size() == 1);
        awaitAnswered();
        assertThat(browser.findElement(By.id("error-bar")).isDisplayed()).isFalse();
        assertThat(layoutFree(textOf(lastAssistant()))).isEqualTo(layoutFree(AnswerText.visibleText(prompt, DEFAULT_CHUNKS)));
        JsonNode stored = history(currentSession());
        assertThat(stored).as("one prompt and one answer stored, not two").hasSize(2);
    }

    @Test
    @DisplayName("a failed answer is regenerated into a good one, versions flip, an early prompt is edited and the chat goes on "
            + "on the new branch; a reload shows the same")
    void regenerateEditAndFlip() throws Exception {
        signIn();
        send("Hello there");
        awaitAnswered();
        send("[sim:fail-first=3] [sim:count] tell me more");
        WebElement failed = lastAssistant();
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(failed) && !statusOf(failed).isEmpty());

        failed.findElement(By.cssSelector(".action.regenerate")).click();
        waiting(Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector("#messages .msg")).contains(failed));
        awaitAnswered();
        assertThat(textOf(lastAssistant())).as("turn 1 and the prompt only").contains("user=2 assistant=1");
        assertThat(versionOf(lastAssistant())).isEqualTo("2 / 2");

        // A switch reads the conversation again: wait for it to be drawn anew.
        lastAssistant().findElement(By.cssSelector(".version-previous")).click();
        waiting(Duration.ofSeconds(15)).ignoring(AssertionError.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> versionOf(lastAssistant()).equals("1 / 2") && !statusOf(lastAssistant()).isEmpty());
        lastAssistant().findElement(By.cssSelector(".version-next")).click();
        waiting(Duration.ofSeconds(15)).ignoring(AssertionError.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> versionOf(lastAssistant()).equals("2 / 2")
                        && textOf(lastAssistant()).contains("user=2 assistant=1"));

        WebElement firstPrompt = browser.findElements(By.cssSelector("#messages .msg.user")).get(0);
        firstPrompt.findElement(By.cssSelector(".action.edit")).click();
        WebElement box = firstPrompt.findElement(By.cssSelector(".prompt-edit textarea"));
        box.clear();
        box.sendKeys("[sim:count] Hello, edited", Keys.ENTER);
        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#messages .msg")).size() == 2);
        awaitAnswered();
        assertThat(textOf(lastAssistant())).as("nothing before the edited turn").contains("user=1 assistant=0");
        send("[sim:count] and then?");
        awaitAnswered();
        assertThat(textOf(lastAssistant())).as("the edited turn and the prompt").contains("user=2 assistant=1");

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).ignoring(AssertionError.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#messages .msg")).size() == 4 && !isStreaming(lastAssistant()));
        List<WebElement> messages = browser.findElements(By.cssSelector("#messages .msg"));
        assertThat(textOf(messages.get(0))).isEqualTo("[sim:count] Hello, edited");
        assertThat(versionOf(messages.get(1))).isEqualTo("2 / 2");
        assertThat(messages.get(1).findElement(By.cssSelector(".version-position")).getAttribute("aria-label"))
                .isEqualTo("Version 2 of 2");
        assertThat(messages.get(3).findElement(By.cssSelector(".versions")).isDisplayed()).as("one version only").isFalse();
    }

    @Test
    @DisplayName("a new conversation gets a generated title without a reload; a reload keeps it")
    void generatedTitleAppears() throws Exception {
        signIn();
        send("tell me about **Roman** aqueducts, please");
        awaitAnswered();
        String expected = "Tell Me About Roman Aqueducts";
        waiting(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#sessions li .name")).stream()
                        .anyMatch(n -> n.getText().equals(expected)) && d.findElement(By.id("title")).getText().equals(expected));
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#sessions li .name")).stream()
                        .anyMatch(n -> n.getText().equals(expected)));
    }

    /** The version switch of an answer ("2 / 3"), or "" when its turn has one version. */
    private static String versionOf(WebElement answer) {
        WebElement position = answer.findElement(By.cssSelector(".version-position"));
        return position.isDisplayed() ? position.getText() : "";
    }

    /**
     * Opens a conversation from the sidebar. Generated titles redraw the list in the background for a few seconds
     * after a new conversation's first answer, so an entry found a moment ago may be gone: find it again then.
     */
    private void openFromSidebar(String titlePrefix) {
        waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    sidebarEntry(titlePrefix).click();
                    return true;
                });
    }

    /**
     * The entry's action button, shown on hover. The sidebar is drawn anew whenever the session list
     * reloads (e.g. just after an answer completes), so an entry found a moment ago may be gone: find
     * it again then.
     */
    private void clickSessionAction(String titlePrefix, String action) {
        waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement entry = sidebarEntry(titlePrefix);
                    new org.openqa.selenium.interactions.Actions(browser).moveToElement(entry).perform();
                    entry.findElement(By.cssSelector(".session-action[aria-label='" + action + "']")).click();
                    return true;
                });
    }

    @Test
    @DisplayName("the sidebar reaches every conversation: Show more pages through 120 of 120, and the oldest opens")
    void everySessionReachable() throws Exception {
        signIn();
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        for (int i = 1; i <= 120; i++) {
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/chat/send"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(String.format(
                            "{\"prompt\":\"Conversation %03d [sim:chunks=1]\"}", i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        }
        // Every answer recorded first: an answer moves its conversation to the top, so paging must not race
        // them. Settled = all 120 listed, in the same order two seconds apart.
        List<List<String>> seen = new ArrayList<>(List.of(List.of()));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            List<String> now = conversationsOf(token);
            boolean settled = now.size() == 120 && now.equals(seen.get(0));
            seen.set(0, now);
            return settled;
        });
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("#sessions li .name")).size() == 50);
        assertThat(browser.findElements(By.cssSelector("#sessions li .name"))).hasSize(50);

        for (int page = 0; page < 5 && !browser.findElements(By.id("more-sessions")).isEmpty(); page++) {
            int before = browser.findElements(By.cssSelector("#sessions li .name")).size();
            browser.findElement(By.id("more-sessions")).sendKeys(Keys.ENTER); // by keyboard, as a keyboard user would
            waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#sessions li .name")).size() > before);
        }

        List<String> names = browser.findElements(By.cssSelector("#sessions li .name")).stream().map(WebElement::getText)
                .toList();
        assertThat(names).hasSize(120).doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("Conversation ")).anyMatch(n -> n.startsWith("Conversation 001"));
        assertThat(browser.findElements(By.id("more-sessions"))).as("nothing more to show").isEmpty();
        sidebarEntry("Conversation 001").click();
        waiting(Duration.ofSeconds(15)).until(d -> {
            List<WebElement> messages = d.findElements(By.cssSelector("#messages .msg"));
            return !messages.isEmpty() && textOf(messages.get(0)).startsWith("Conversation 001");
        });
    }

    /** The token's user's conversations (ids, newest activity first), through every page of the API. */
    private List<String> conversationsOf(String token) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = "";
        do {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stack.gateway()
                    + "/api/chat/sessions?page_size=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(page.body());
            for (JsonNode session : body.get("sessions")) {
                ids.add(session.get("session_id").asText() + "@" + session.get("updated_at").asText());
            }
            cursor = java.net.URLEncoder.encode(body.path("next_cursor").asText(""), java.nio.charset.StandardCharsets.UTF_8);
        } while (!cursor.isEmpty());
        return ids;
    }

    @Test
    @DisplayName("the search box finds an old conversation by a word from its middle (any case, Chinese too) and opens it at the message")
    void searchFromTheBox() throws Exception {
        signIn();
        String old = "We watched a zebrafish swim in the tank for an hour [sim:echo]";
        send(old);
        awaitAnswered();
        browser.findElement(By.id("new-chat")).click();
        String chinese = "今天天气很好，我们去公园散步吧 [sim:echo]";
        send(chinese);
        awaitAnswered();
        browser.findElement(By.id("new-chat")).click();

        WebElement box = browser.findElement(By.id("search"));
        box.sendKeys("ZEBRA");
        WebElement hit = waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#search-results .hit"))
                .stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("sessions")).isDisplayed()).as("the list makes room").isFalse();
        assertThat(browser.findElements(By.cssSelector("#search-results .hit-snippet"))).extracting(WebElement::getText)
                .isNotEmpty().allMatch(snippet -> snippet.contains("zebrafish"));
        hit.sendKeys(Keys.ENTER); // by keyboard
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(old));
        waiting(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#messages .msg.found")).isEmpty());
        assertThat(textOf(browser.findElement(By.cssSelector("#messages .msg.found")))).contains("zebrafish");

        box.clear();
        box.sendKeys("天气");
        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#search-results .hit-snippet")).stream()
                .anyMatch(s -> s.getText().contains("今天天气很好")));
        box.sendKeys(Keys.ESCAPE);
        assertThat(browser.findElement(By.id("sessions")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("search-results")).isDisplayed()).isFalse();

        box.sendKeys("no such words anywhere");
        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#search-results li.none")).size() == 1);
    }

    @Test
    @DisplayName("a stream the browser gives up on says Reconnecting… and resumes by itself after the last event, without Retry")
    void streamResumesByItself() throws Exception {
        signIn();
        // The first answer stream breaks at once, as when the browser gives up on a failed connection.
        browser.executeScript("const Real = window.EventSource; let first = true;"
                + " window.EventSource = function (url) { const es = new Real(url);"
                + "   if (first) { first = false; setTimeout(() => { es.close(); es.dispatchEvent(new Event('error')); }, 0); }"
                + "   return es; };"
                + " window.EventSource.CLOSED = Real.CLOSED;");
        String prompt = "Resume me [sim:chunks=6]" + SLOW;
        send(prompt);
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(5)).until(d -> "Reconnecting\u2026".equals(statusOf(answer)));
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(answer));

        assertThat(statusOf(answer)).isEmpty();
        assertThat(layoutFree(textOf(answer))).isEqualTo(layoutFree(AnswerText.visibleText(prompt, 6)));
    }

    @Test
    @DisplayName("with Think on, the model's reasoning streams into a block above the answer, folds when the answer "
            + "starts, and is still there (folded) after a reload; it is not part of the answer")
    void thinkingFoldsAway() throws Exception {
        signIn();
        WebElement think = browser.findElement(By.id("think"));
        think.sendKeys(Keys.ENTER); // by keyboard
        assertThat(think.getDomAttribute("aria-pressed")).isEqualTo("true");
        String prompt = "Think it through [sim:think=8][sim:chunks=6][sim:delay=50,150]";
        send(prompt);
        WebElement answer = lastAssistant();
        WebElement block = answer.findElement(By.cssSelector("details.thinking"));
        waiting(Duration.ofSeconds(20)).until(d -> block.isDisplayed() && block.getDomProperty("open").equals("true")
                && !answer.findElement(By.cssSelector(".thinking-text")).getText().isEmpty());
        assertThat(textOf(answer)).as("no answer text while it thinks").isEmpty();
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(answer));

        assertThat(block.getDomProperty("open")).as("folded once the answer started").isEqualTo("false");
        String reasoning = answer.findElement(By.cssSelector(".thinking-text")).getDomProperty("textContent");
        assertThat(reasoning).isNotBlank();
        assertThat(textOf(answer)).isNotEmpty().doesNotContain(reasoning.strip());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                Files.createDirectories(target.resolve("screenshots")).resolve("thinkingFolded.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(prompt));
        WebElement reloaded = lastAssistant().findElement(By.cssSelector("details.thinking"));
        assertThat(reloaded.isDisplayed()).isTrue();
        assertThat(reloaded.getDomProperty("open")).isEqualTo("false");
        assertThat(lastAssistant().findElement(By.cssSelector(".thinking-text")).getDomProperty("textContent"))
                .isEqualTo(reasoning);
        assertThat(history(currentSession()).get(1).path("reasoning").asText()).isEqualTo(reasoning);
        assertThat(browser.findElement(By.id("think")).getDomAttribute("aria-pressed")).as("the switch sticks")
                .isEqualTo("true");
    }

    @Test
    @DisplayName("the model picker offers ops' models; a thinking-only model fixes Think on, answers with its reasoning "
            + "and is named under the answer, also after a reload")
    void switchesModel() throws Exception {
        signIn();
        WebElement picker = waiting(Duration.ofSeconds(15)).until(d -> {
            WebElement p = d.findElement(By.id("model"));
            return p.isDisplayed() ? p : null;
        });
        Select models = new Select(picker);
        assertThat(models.getOptions()).extracting(WebElement::getText).contains("Qwen-Plus", "QwQ-Plus", "Qwen-Max");
        assertThat(models.getFirstSelectedOption().getText()).as("the default model").isEqualTo("Qwen-Plus");
        WebElement think = browser.findElement(By.id("think"));
        assertThat(think.isEnabled()).isTrue();

        models.selectByVisibleText("Qwen-Max"); // cannot think
        assertThat(think.isEnabled()).isFalse();
        assertThat(think.getDomAttribute("aria-pressed")).isEqualTo("false");
        models.selectByVisibleText("QwQ-Plus"); // thinks always
        assertThat(think.isEnabled()).isFalse();
        assertThat(think.getDomAttribute("aria-pressed")).isEqualTo("true");

        String prompt = "Which model answers? [sim:think=4]";
        send(prompt);
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(answer));
        assertThat(answer.findElement(By.cssSelector(".thinking-text")).getDomProperty("textContent"))
                .as("the thinking-only model reasoned").isNotBlank();
        assertThat(answer.findElement(By.cssSelector(".model-name")).getText()).isEqualTo("QwQ-Plus");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(),
                Files.createDirectories(target.resolve("screenshots")).resolve("modelChosen.png"),
                StandardCopyOption.REPLACE_EXISTING);

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(prompt));
        assertThat(lastAssistant().findElement(By.cssSelector(".model-name")).getText())
                .as("the model that answered, from history").isEqualTo("QwQ-Plus");
        assertThat(history(currentSession()).get(1).path("model").asText()).isEqualTo("qwq-plus");
        assertThat(new Select(browser.findElement(By.id("model"))).getFirstSelectedOption().getText())
                .as("the choice sticks").isEqualTo("QwQ-Plus");
    }

    @Test
    @DisplayName("by keyboard alone: New chat, send with Enter, and Tab to an earlier conversation in the sidebar to open it")
    void keyboardSwitchesConversation() throws Exception {
        signIn();
        String first = "First by keyboard about lakes";
        String second = "Second by keyboard about hills";
        send(first);
        awaitAnswered();
        browser.findElement(By.id("new-chat")).sendKeys(Keys.ENTER);
        waiting(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("#messages .msg")).isEmpty());
        send(second);
        awaitAnswered();
        waiting(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector("#sessions li")).size() == 2);

        // The list is redrawn while titles arrive: an entry found a moment ago may be gone, so find it again.
        onEntry("First", entry -> {
            assertThat(entry.getTagName()).as("a focusable control").isEqualTo("button");
            assertThat(entry.getDomProperty("tabIndex")).isEqualTo("0");
            entry.sendKeys(Keys.ENTER);
        });
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(first));
        onEntry("First", entry -> assertThat(entry.getDomAttribute("aria-current")).isEqualTo("true"));
        onEntry("Second", entry -> entry.sendKeys(Keys.SPACE));
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(second));
    }

    /** Runs {@code action} on the name button of the sidebar entry, again if the list was redrawn meanwhile. */
    private void onEntry(String titlePrefix, java.util.function.Consumer<WebElement> action) {
        waiting(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            action.accept(sidebarEntry(titlePrefix).findElement(By.cssSelector(".name")));
            return true;
        });
    }

    @Test
    @DisplayName("a moderation refusal mid-answer withdraws the streamed text from the screen, from history and from replay")
    void moderationWithdrawsText() throws Exception {
        signIn();
        String prompt = "Say something the reviewer flags [sim:error-mid=DataInspectionFailed][sim:delay=50,400]";
        send(prompt);
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(20)).until(d -> !textOf(answer).isEmpty()); // the flagged text streams first
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(answer));

        String explained = "The content was blocked by the provider\u2019s safety review, so the answer was withdrawn. Try rephrasing.";
        assertThat(textOf(answer)).as("no flagged text on screen").isEmpty();
        assertThat(statusOf(answer)).isEqualTo(explained).doesNotContain("inappropriate");

        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(prompt));
        assertThat(textOf(lastAssistant())).as("no flagged text after a reload").isEmpty();
        assertThat(statusOf(lastAssistant())).isEqualTo(explained);
        JsonNode stored = history(currentSession()).get(1);
        assertThat(stored.path("content").asText()).as("nothing stored").isEmpty();
        assertThat(stored.path("error_code").asText()).isEqualTo("DataInspectionFailed");
    }

    @Test
    @DisplayName("a provider failure reads as a sentence in the person's language, never the provider's message")
    void providerFailureExplained() throws Exception {
        signIn();
        String prompt = "Anything at all [sim:error=Arrearage]";
        send(prompt);
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(answer));
        assertThat(statusOf(answer)).isEqualTo(
                "The service cannot answer right now; its operators have been alerted. Please try again later.");

        browser.findElement(By.id("switch-language")).click();
        assertThat(statusOf(answer)).as("relabelled in place").isEqualTo("服务暂时无法回答，运维人员已收到通知。请稍后再试。");
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> showsConversation(prompt));
        assertThat(statusOf(lastAssistant())).as("after a reload, in the language chosen")
                .isEqualTo("服务暂时无法回答，运维人员已收到通知。请稍后再试。");
    }

    @Test
    @DisplayName("the page speaks the browser's language: zh-CN for a Chinese browser, English for an English one, and the switch sticks")
    void chineseAndEnglish() throws Exception {
        signIn();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("New chat");

        browser.findElement(By.id("switch-language")).click();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("新对话");
        assertThat(browser.findElement(By.id("prompt")).getDomAttribute("placeholder")).isEqualTo("在这里输入问题");
        browser.navigate().refresh();
        waiting(Duration.ofSeconds(15)).until(d -> "新对话".equals(d.findElement(By.id("title")).getText()));
        assertThat(browser.findElement(By.id("new-chat")).getText()).isEqualTo("+ 新对话");
        assertThat(browser.findElement(By.id("switch-language")).getText()).isEqualTo("English");

        long run = System.nanoTime();
        ChromeDriver chinese = HeadlessChromium.start(target.resolve("chromium-profile-zh-" + run),
                target.resolve("chromedriver-zh-" + run + ".log"), "zh-CN");
        try {
            chinese.get(stack.gateway() + "/");
            waiting(chinese, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("signin")).isDisplayed());
            assertThat(chinese.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
            assertThat(chinese.findElement(By.cssSelector("#signin h2")).getText()).isEqualTo("登录");
            assertThat(chinese.findElement(By.id("signin-provider")).getText()).isEqualTo("使用账号登录");
            Files.copy(chinese.getScreenshotAs(OutputType.FILE).toPath(),
                    Files.createDirectories(target.resolve("screenshots")).resolve("chineseBrowserSignIn.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            chinese.quit();
        }
    }

    @Test
    @DisplayName("a person signs in through the local identity provider (authorization code + PKCE), chats, signs out,"
            + " and the browser can no longer reach the API nor sign in again without the password")
    void providerSignInChatAndSignOut() throws Exception {
        browser.get(stack.gateway() + "/");
        browser.executeScript("localStorage.clear()");
        browser.manage().deleteAllCookies();
        browser.navigate().refresh();
        WebElement provider = waiting(Duration.ofSeconds(15)).until(d -> {
            WebElement link = d.findElement(By.id("signin-provider"));
            return link.isDisplayed() ? link : null;
        });
        provider.click();
        signInAtProvider("bob", "bob-password");
        waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(stack.gateway())
                && "bob".equals(d.findElement(By.id("who-name")).getText()));
        assertThat(browser.findElement(By.id("signin")).isDisplayed()).isFalse();
        assertThat(browser.manage().getCookies()).as("the tokens are HttpOnly cookies, never in the URL")
                .anyMatch(c -> c.getName().equals("chat_token") && c.isHttpOnly())
                .anyMatch(c -> c.getName().equals("chat_token_refresh") && c.isHttpOnly());
        assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("token");

        String prompt = "Hello from a provider sign-in";
        send(prompt);
        awaitAnswered();
        assertThat(layoutFree(textOf(lastAssistant()))).isEqualTo(layoutFree(AnswerText.visibleText(prompt, DEFAULT_CHUNKS)));
        assertThat(apiStatusFromPage("/api/auth/refresh", "POST")).as("the access token renews").isEqualTo(200);
        assertThat(apiStatusFromPage("/api/chat/sessions?page_size=1", "GET")).isEqualTo(200);

        browser.findElement(By.id("sign-out")).click();
        // The provider ends its own session and sends the browser back to the page, which asks to sign in.
        waiting(Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().startsWith(stack.gateway())
                && d.findElement(By.id("signin")).isDisplayed());
        assertThat(browser.manage().getCookies()).noneMatch(c -> c.getName().startsWith("chat_token"));
        assertThat(apiStatusFromPage("/api/chat/sessions?page_size=1", "GET")).isEqualTo(401);
        assertThat(apiStatusFromPage("/api/auth/refresh", "POST")).isEqualTo(401);

        browser.findElement(By.id("signin-provider")).click();
        waiting(Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("login-form")).isEmpty());
        assertThat(browser.getCurrentUrl()).as("the provider asks for the password again").contains("/login");
    }

    /** Fills the identity provider's own sign-in form. */
    private void signInAtProvider(String name, String password) {
        WebElement form = waiting(Duration.ofSeconds(20)).until(d -> {
            List<WebElement> forms = d.findElements(By.id("login-form"));
            return forms.isEmpty() ? null : forms.get(0);
        });
        form.findElement(By.name("username")).sendKeys(name);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("[type=submit]")).click();
    }

    /** The status the API answers the page's own fetch (same origin, the page's cookies, a JSON body for writes). */
    private long apiStatusFromPage(String path, String method) {
        Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin',"
                + " headers: arguments[1] === 'GET' ? {} : {'Content-Type': 'application/json'},"
                + " body: arguments[1] === 'GET' ? undefined : '{}'}).then(r => done(r.status), () => done(-1));",
                path, method);
        return ((Number) status).longValue();
    }

    // ---------- page helpers ----------

    /** A fresh user per scenario, signed in through the page's own form. */
    private void signIn() {
        user = "browser-" + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
        browser.get(stack.gateway() + "/");
        browser.executeScript("localStorage.clear()");
        browser.manage().deleteAllCookies();
        browser.navigate().refresh();
        WebElement name = waiting(Duration.ofSeconds(15)).until(d -> {
            WebElement input = d.findElement(By.id("signin-user"));
            return input.isDisplayed() ? input : null;
        });
        // The box offers the last user name this browser saw (the page may have learnt the previous scenario's
        // from GET /api/chat/me just before the storage was cleared): replace it.
        name.clear();
        name.sendKeys(user, Keys.ENTER);
        waiting(Duration.ofSeconds(15)).until(d -> !d.findElement(By.id("signin")).isDisplayed());
        assertThat(browser.findElement(By.id("who-name")).getText()).isEqualTo(user);
    }

    /** Types the prompt and presses Enter, then waits for the page to show it and the answer's placeholder. */
    private void send(String prompt) {
        int before = browser.findElements(By.cssSelector("#messages .msg.assistant")).size();
        WebElement input = browser.findElement(By.id("prompt"));
        input.sendKeys(prompt);
        input.sendKeys(Keys.ENTER);
        waiting(Duration.ofSeconds(15)).until(d ->
                d.findElements(By.cssSelector("#messages .msg.assistant")).size() == before + 1);
        assertThat(input.getDomProperty("value")).as("the composer is cleared").isEmpty();
    }

    private void awaitAnswered() {
        WebElement answer = lastAssistant();
        waiting(Duration.ofSeconds(30)).until(d -> !isStreaming(answer) && !d.findElement(By.id("stop")).isDisplayed());
        assertThat(statusOf(answer)).as("answer status").isEmpty();
    }

    private boolean showsConversation(String firstPrompt) {
        List<WebElement> messages = browser.findElements(By.cssSelector("#messages .msg"));
        return messages.size() == 2 && textOf(messages.get(0)).equals(firstPrompt) && !isStreaming(messages.get(1));
    }

    private WebElement sidebarEntry(String titlePrefix) {
        return browser.findElements(By.cssSelector("#sessions li")).stream()
                .filter(li -> li.getText().startsWith(titlePrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no conversation titled " + titlePrefix + "… in the sidebar"));
    }

    private WebElement lastAssistant() {
        List<WebElement> answers = browser.findElements(By.cssSelector("#messages .msg.assistant"));
        assertThat(answers).isNotEmpty();
        return answers.get(answers.size() - 1);
    }

    private WebElement lastUser() {
        List<WebElement> prompts = browser.findElements(By.cssSelector("#messages .msg.user"));
        assertThat(prompts).isNotEmpty();
        return prompts.get(prompts.size() - 1);
    }

    /**
     * The text as rendered (textContent, not the layout-normalised visible text), without the line
     * break that Markdown rendering leaves after the last paragraph of an answer.
     */
    private String textOf(WebElement message) {
        WebElement text = message.findElement(By.cssSelector(".text"));
        // Without the copy buttons the page adds to code blocks: only the answer's own text.
        Object own = browser.executeScript("const c = arguments[0].cloneNode(true);"
                + " c.querySelectorAll('.copy-code').forEach(b => b.remove()); return c.textContent;", text);
        return String.valueOf(own).strip();
    }

    /**
     * The words of a text with every run of whitespace as one space: answers longer than eight chunks
     * are Markdown, and the rendered page lays out its blocks, list items and table cells with line
     * breaks of its own, so the page's text and {@link AnswerText#visibleText} agree up to whitespace.
     */
    private static String layoutFree(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The status line under an answer ("Stopped", an error) or "" when there is none. */
    private static String statusOf(WebElement message) {
        WebElement status = message.findElement(By.cssSelector(".status"));
        return status.isDisplayed() ? status.getText() : "";
    }

    private static boolean isStreaming(WebElement message) {
        return message.getAttribute("class").contains("streaming");
    }

    private void assertUnchangedFor(WebElement answer, String text, Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < until) {
            assertThat(textOf(answer)).as("no growth after Stop").isEqualTo(text);
            Thread.sleep(100);
        }
    }

    private void assertNoScriptRan() {
        assertThat(browser.executeScript("return typeof window.__xss")).isEqualTo("undefined");
        assertThat(browser.findElements(By.cssSelector(
                "#messages img, #messages script, #messages iframe, #messages svg, #messages [onerror], #messages [onclick]")))
                .isEmpty();
        assertThat(browser.findElements(By.cssSelector("#messages a[href^='javascript' i]"))).isEmpty();
    }

    /** Puts {@code text} (possibly several lines) into the composer as if typed, then presses Enter. */
    private void sendMultiline(String text) {
        WebElement input = browser.findElement(By.id("prompt"));
        browser.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", input, text);
        int before = browser.findElements(By.cssSelector("#messages .msg.assistant")).size();
        input.sendKeys(Keys.ENTER);
        waiting(Duration.ofSeconds(15)).until(d ->
                d.findElements(By.cssSelector("#messages .msg.assistant")).size() == before + 1);
    }

    private WebDriverWait waiting(Duration timeout) {
        return waiting(browser, timeout);
    }

    private static WebDriverWait waiting(ChromeDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(40));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    // ---------- the HTTP API, to compare the page with what is stored ----------

    private String currentSession() {
        Object session = browser.executeScript("return localStorage.getItem('chat.session')");
        assertThat(session).as("the page's current session").isNotNull();
        return session.toString();
    }

    private JsonNode history(String sessionId) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(stack.gateway() + "/api/auth/dev-token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        HttpResponse<String> messages = http.send(HttpRequest.newBuilder(
                        URI.create(stack.gateway() + "/api/chat/sessions/" + sessionId + "/messages"))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).get("token").asText())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(messages.statusCode()).as(messages.body()).isEqualTo(200);
        return JSON.readTree(messages.body()).get("messages");
    }
}
