package io.chatstream.worker.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP pass-through in front of the simulator that records the model name and max_tokens of every request. */
final class RecordingProxy implements AutoCloseable {

    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern MAX_TOKENS = Pattern.compile("\"max_tokens\"\\s*:\\s*(\\d+)");

    final List<String> models = new CopyOnWriteArrayList<>();
    /** parameters.max_tokens of every request, "" when absent. */
    final List<String> maxTokens = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    RecordingProxy(String target) throws IOException {
        URI base = URI.create(target);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Matcher m = MODEL.matcher(new String(body, StandardCharsets.UTF_8));
                models.add(m.find() ? m.group(1) : "");
                Matcher limit = MAX_TOKENS.matcher(new String(body, StandardCharsets.UTF_8));
                maxTokens.add(limit.find() ? limit.group(1) : "");
                HttpRequest.Builder forward = HttpRequest.newBuilder(base.resolve(exchange.getRequestURI().getPath()))
                        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!List.of("host", "content-length", "connection", "upgrade", "expect")
                            .contains(name.toLowerCase())) {
                        values.forEach(v -> forward.header(name, v));
                    }
                });
                HttpResponse<InputStream> response = client.send(forward.build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                response.headers().firstValue("content-type")
                        .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                exchange.sendResponseHeaders(response.statusCode(), 0);
                try (InputStream in = response.body(); OutputStream out = exchange.getResponseBody()) {
                    byte[] buf = new byte[1024];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
