package io.chatstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx running the shipped {@code nginx/nginx.conf} in a scratch directory: the same file
 * with only its two {@code listen} ports moved to free loopback ports, its {@code upstream.conf}
 * include pointing at a given gateway, and a self-signed certificate made here with the JDK's
 * keytool. Stopped by its own pid.
 */
final class EdgeNginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final Process process;
    private final int httpPort;
    private final int httpsPort;

    private EdgeNginx(Path dir, Process process, int httpPort, int httpsPort) {
        this.dir = dir;
        this.process = process;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts nginx in front of {@code upstreamPort} on 127.0.0.1 and waits until it listens. */
    static EdgeNginx start(Path dir, int upstreamPort) throws Exception {
        Files.createDirectories(dir.resolve("certs"));
        selfSignedCertificate(dir.resolve("certs"));
        int http = freePort();
        int https = freePort();
        Files.writeString(dir.resolve("nginx.conf"), adapted(http, https));
        copyIncludes(dir);
        Files.writeString(dir.resolve("upstream.conf"), "server 127.0.0.1:" + upstreamPort + ";\n");
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir + "/", "-e", "stderr", "-c",
                dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.log").toFile()).start();
        EdgeNginx nginx = new EdgeNginx(dir, process, http, https);
        try {
            awaitPort(https, process);
            return nginx;
        } catch (Throwable e) {
            nginx.close();
            throw e;
        }
    }

    /** The shipped files nginx.conf includes (everything but upstream.conf, which each test writes). */
    static void copyIncludes(Path dir) throws IOException {
        for (String include : List.of("chat-http.conf", "chat-site.conf")) {
            Files.copy(ComposeFiles.projectRoot().resolve("nginx").resolve(include), dir.resolve(include),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The shipped configuration; only the listen ports change (the tested config is the shipped one). */
    static String adapted(int httpPort, int httpsPort) throws IOException {
        String shipped = Files.readString(ComposeFiles.projectRoot().resolve("nginx/nginx.conf"));
        String adapted = shipped.replace("listen 80 ", "listen 127.0.0.1:" + httpPort + " ")
                .replace("listen 443 ", "listen 127.0.0.1:" + httpsPort + " ");
        assertThat(adapted).as("nginx.conf still has the two listen lines this test moves")
                .contains("listen 127.0.0.1:" + httpPort + " ", "listen 127.0.0.1:" + httpsPort + " ");
        return adapted;
    }

    String https() {
        return "https://127.0.0.1:" + httpsPort;
    }

    String http() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path log() {
        return dir.resolve("nginx.log");
    }

    /** A client that trusts only this nginx's certificate and never follows redirects. */
    HttpClient client() throws Exception {
        return HttpClient.newBuilder().sslContext(trusting(dir.resolve("certs/tls.crt")))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A PEM certificate and PKCS#8 key for localhost/127.0.0.1, made with the JDK's keytool (no openssl needed). */
    static void selfSignedCertificate(Path certs) throws Exception {
        Path store = certs.resolve("tls.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> command = List.of(keytool, "-genkeypair", "-alias", "tls", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        Process made = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(made.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(made.exitValue()).as(output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        Files.writeString(certs.resolve("tls.crt"), pem("CERTIFICATE", keyStore.getCertificate("tls").getEncoded()));
        Files.writeString(certs.resolve("tls.key"),
                pem("PRIVATE KEY", keyStore.getKey("tls", "changeit".toCharArray()).getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static SSLContext trusting(Path certificate) throws Exception {
        Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("nginx", cert);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
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
}
