package io.chatstream.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * HTTP/1.1 over a plain socket, for request targets that {@link java.net.URI} refuses to build
 * ({@code ?cursor=%%%}): the bytes of the request line go out exactly as given. Shared by the
 * gateway's tests and the local stack's HTTP matrix through this module's test jar.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** {@link #send(String, int, String, String, byte[], String...)} to 127.0.0.1. */
    public static HttpResponse<String> send(int port, String method, String target, byte[] body, String... headers)
            throws IOException {
        return send("127.0.0.1", port, method, target, body, headers);
    }

    /** {@code headers} as name, value pairs; the connection is closed after the response. */
    public static HttpResponse<String> send(String host, int port, String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = body == null ? headBytes : concat(headBytes, body);
        return exchange(host, port, request, method.equals("HEAD"));
    }

    /**
     * Sends {@code request} exactly as given (request line, headers and body, framing included: e.g. a chunked
     * body with a trailer section) and reads the response until the server closes the connection, so the
     * request should say {@code Connection: close}.
     */
    public static HttpResponse<String> exchange(String host, int port, byte[] request, boolean head) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return parse(socket.getInputStream().readAllBytes(), head);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static HttpResponse<String> parse(byte[] raw, boolean head) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked");
        String body = new String(chunked && !head ? dechunk(rest) : rest, StandardCharsets.UTF_8);
        return new Response(status, HttpHeaders.of(headers, (a, b) -> true), body);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < in.length) {
            int lineEnd = pos;
            while (lineEnd + 1 < in.length && !(in[lineEnd] == '\r' && in[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(in, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(in, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private record Response(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
