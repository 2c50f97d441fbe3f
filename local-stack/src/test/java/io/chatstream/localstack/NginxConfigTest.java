package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nginx/nginx.conf checked by the real binary with a throw-away self-signed certificate.
 * Runs only where Debian's nginx is installed (CI installs it); skipped otherwise.
 */
class NginxConfigTest {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;

    @BeforeEach
    void prepare() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "nginx is not installed at " + NGINX);
        Files.createDirectories(dir.resolve("certs"));
        EdgeNginx.selfSignedCertificate(dir.resolve("certs"));
    }

    @Test
    @DisplayName("nginx -t accepts the configuration with a generated certificate and a local upstream")
    void syntax() throws Exception {
        Files.copy(ComposeFiles.projectRoot().resolve("nginx/nginx.conf"), dir.resolve("nginx.conf"));
        EdgeNginx.copyIncludes(dir);
        Files.writeString(dir.resolve("upstream.conf"), "server 127.0.0.1:8080;\n");

        Result result = run(List.of(NGINX.toString(), "-t", "-p", dir + "/", "-e", "stderr", "-c",
                dir.resolve("nginx.conf").toString()));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("syntax is ok", "test is successful");
    }

    @Test
    @DisplayName("a running nginx redirects HTTP, hides the actuator and the dev sign-in, sends security headers and limits sending")
    void edgeRules() throws Exception {
        int http = EdgeNginx.freePort();
        int https = EdgeNginx.freePort();
        String conf = ComposeFiles.read(ComposeFiles.projectRoot().resolve("nginx/nginx.conf"))
                .replace("listen 80 ", "listen 127.0.0.1:" + http + " ")
                .replace("listen 443 ", "listen 127.0.0.1:" + https + " ");
        Files.writeString(dir.resolve("nginx.conf"), conf);
        EdgeNginx.copyIncludes(dir);
        // Nothing listens there: proxied requests get 502, which is enough to tell 429 apart.
        Files.writeString(dir.resolve("upstream.conf"), "server 127.0.0.1:" + EdgeNginx.freePort() + ";\n");
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", dir + "/", "-e", "stderr", "-c",
                dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.log").toFile()).start();
        try {
            awaitPort(https, nginx);
            HttpClient client = HttpClient.newBuilder().sslContext(EdgeNginx.trusting(dir.resolve("certs/tls.crt")))
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
            String base = "https://127.0.0.1:" + https;

            HttpResponse<String> redirect = client.send(get("http://127.0.0.1:" + http + "/api/chat/sessions"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(redirect.statusCode()).isEqualTo(301);
            assertThat(redirect.headers().firstValue("Location")).hasValue("https://127.0.0.1/api/chat/sessions");

            HttpResponse<String> actuator = client.send(get(base + "/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
            assertThat(actuator.statusCode()).isEqualTo(403);
            assertThat(actuator.headers().firstValue("Strict-Transport-Security")).isPresent();
            assertThat(actuator.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(actuator.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(actuator.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));

            List<Integer> sends = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sends.add(client.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/send")).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            }
            assertThat(sends.subList(0, 5)).as("first sends reach the (absent) gateway").containsOnly(502);
            assertThat(sends).as("a burst of sends is limited").contains(429);
            for (int i = 0; i < 5; i++) {
                assertThat(client.send(get(base + "/api/chat/send"), HttpResponse.BodyHandlers.discarding()).statusCode())
                        .as("only POST is limited").isEqualTo(502);
            }

            HttpResponse<Void> devToken = client.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/dev-token"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":\"alice\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(devToken.statusCode()).as("the development sign-in never reaches a deployed gateway").isEqualTo(404);

            HttpResponse<Void> tooLarge = client.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/stop"))
                    .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[300 * 1024])).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(tooLarge.statusCode()).isEqualTo(413);
        } finally {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("nginx exited early").isTrue();
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exit, String output) {
    }
}
