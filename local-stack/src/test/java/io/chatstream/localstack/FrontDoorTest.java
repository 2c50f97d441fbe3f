package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.chatstream.localinfra.Ports;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's front door: Debian's nginx with the project's shared edge settings, in front of two upstreams. */
class FrontDoorTest {

    @TempDir
    Path dir;

    @BeforeEach
    void nginxInstalled() {
        Assumptions.assumeTrue(FrontDoor.binary().isPresent(), "nginx is not installed (CI installs it)");
    }

    @Test
    @DisplayName("requests reach the live gateway although the other one refuses connections, SSE included")
    void failsOverToTheLiveGateway() throws Exception {
        HttpServer live = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        live.createContext("/", exchange -> {
            byte[] body = ("served " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        live.start();
        int dead = Ports.free();
        int port = Ports.free();
        FrontDoor door = FrontDoor.start(ComposeFiles.projectRoot(), dir.resolve("nginx"), port,
                List.of(dead, live.getAddress().getPort()), 5, dir.resolve("nginx.log"));
        try {
            HttpClient client = HttpClient.newHttpClient();
            List<String> bodies = new ArrayList<>();
            for (String path : List.of("/", "/api/chat/stream", "/api/sessions", "/", "/api/chat/stream", "/")) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                bodies.add(response.body());
            }
            assertThat(bodies).contains("served GET /api/chat/stream", "served GET /api/sessions");
            // The edge rules are the shipped ones: management stays closed.
            HttpResponse<String> actuator = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(actuator.statusCode()).isEqualTo(403);
            // The send limit is the configured one: 5/s with the shared burst of 10, so 30 at once meet 429s.
            List<Integer> sends = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                sends.add(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/send"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode());
            }
            assertThat(sends).contains(200, 429);
        } finally {
            door.stop();
            live.stop(0);
        }
        assertThat(door.isAlive()).isFalse();
    }

    @Test
    @DisplayName("a killed front door is started again on its port by restart()")
    void restartsAfterKill() throws Exception {
        int port = Ports.free();
        FrontDoor door = FrontDoor.start(ComposeFiles.projectRoot(), dir.resolve("nginx"), port,
                List.of(Ports.free(), Ports.free()), 5, dir.resolve("nginx.log"));
        try {
            long first = door.pid();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            ProcessHandle.of(first).ifPresent(p -> p.onExit().join());
            door.restart();
            assertThat(door.pid()).isNotEqualTo(first);
            assertThat(Ports.isListening(port)).isTrue();
        } finally {
            door.stop();
        }
    }
}
