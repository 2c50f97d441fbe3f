package io.chatstream.routesvalidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutesValidatorTest {

    private static final String WORKER_CONFIG = "--config=../worker-routes/src/main/resources/application.yml";
    private static final String BROKEN = "src/test/resources/broken/";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"command", "worker", "query", "gateway"})
    @DisplayName("every shipped route file of every service passes")
    void shippedRoutesPass(String service) throws Exception {
        Result result = run("../" + service + "-routes/src/main/resources/camel");

        assertThat(result.output).doesNotContain("FAIL").contains("OK   ");
        assertThat(result.exit).isZero();
    }

    @Test
    @DisplayName("a YAML syntax error fails with its line")
    void syntax() throws Exception {
        assertFails(BROKEN + "syntax.camel.yaml", "YAML syntax", "line 5");
    }

    @Test
    @DisplayName("an unknown EIP fails the schema and Camel's loader")
    void unknownEip() throws Exception {
        assertFails(BROKEN + "unknown-eip.camel.yaml", "frobnicate", "Camel cannot load it");
    }

    @Test
    @DisplayName("route ids must be kebab-case and start with the service name")
    void ids() throws Exception {
        assertFails(BROKEN + "bad-id.camel.yaml", "'Worker_Answer' is not kebab-case");
        assertFails(BROKEN + "foreign-id.camel.yaml", "does not start with the service name 'worker-'");
        assertFails(BROKEN + "no-id.camel.yaml", "a route without an id");
    }

    @Test
    @DisplayName("a placeholder missing from the service's application.yml fails; defaults and comments do not")
    void placeholders() throws Exception {
        Result result = assertFails(BROKEN + "undefined-placeholder.camel.yaml",
                "line 5: placeholder {{chat.topics.no-such-topic}} is not defined");
        assertThat(result.output).doesNotContain("chat.worker.group-id").doesNotContain("in.a.comment")
                .doesNotContain("chat.defaulted");
    }

    @Test
    @DisplayName("the same route id in two files fails, the same file name in two folders is an override")
    void duplicates() throws Exception {
        assertFails(BROKEN + "dup", "route id 'worker-twice' is also declared in");

        Result override = run(WORKER_CONFIG, "../worker-routes/src/main/resources/camel/answer-policy.camel.yaml",
                "../worker-routes/src/main/resources/camel/answer-policy.camel.yaml");
        assertThat(override.exit).isZero();
    }

    @Test
    @DisplayName("a missing file and a wrong option are reported, not thrown")
    void usage() throws Exception {
        assertThat(run("no/such/file.camel.yaml").exit).isEqualTo(1);
        assertThat(run("--frobnicate").exit).isEqualTo(2);
        assertThat(run().exit).isEqualTo(2);
    }

    private static Result assertFails(String path, String... messages) throws Exception {
        Result result = run(WORKER_CONFIG, path);
        assertThat(result.exit).as(result.output).isEqualTo(1);
        assertThat(result.output).contains("FAIL").contains(messages);
        return result;
    }

    private static Result run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = RoutesValidator.run(List.of(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }
}
