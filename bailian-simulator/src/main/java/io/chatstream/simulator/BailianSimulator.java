package io.chatstream.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Alibaba Cloud Bailian (DashScope) that speaks its streaming wire protocol
 * ({@code shared/contracts/dashscope-wire.md}), so LangChain4j's {@code QwenStreamingChatModel} and
 * the DashScope SDK run unchanged against it, offline and deterministically.
 *
 * <p>Endpoints: {@code POST /api/v1/services/aigc/text-generation/generation} and
 * {@code POST /api/v1/services/aigc/multimodal-generation/generation} (content as arrays of parts),
 * streaming SSE when the request carries {@code X-DashScope-SSE: enable}, one JSON body otherwise;
 * {@code GET /health}. The answer text depends only on the last user message: plain sentences up to
 * eight chunks, realistic Markdown beyond, Chinese for prompts with Chinese characters (see
 * {@link AnswerText}). A marker anywhere in the last user message picks a scenario; length, timing
 * and thinking markers combine with one outcome marker, the first outcome marker wins:
 *
 * <table>
 *   <caption>Scenario markers</caption>
 *   <tr><th>marker</th><th>what the client gets</th></tr>
 *   <tr><td>(none)</td><td>{@code answerChunks} deltas, then an empty delta with {@code finish_reason "stop"}</td></tr>
 *   <tr><td>{@code [sim:long]}</td><td>ten times {@code answerChunks} deltas</td></tr>
 *   <tr><td>{@code [sim:chunks=N]}</td><td>exactly N deltas</td></tr>
 *   <tr><td>{@code [sim:delay=F,C]}</td><td>first-token delay F ms, inter-chunk delay C ms</td></tr>
 *   <tr><td>{@code [sim:stamp]}</td><td>every content delta starts with the time it was due ({@link EmitStamp}, {@link Pacing})</td></tr>
 *   <tr><td>{@code [sim:think=N]}</td><td>N {@code reasoning_content} deltas before the answer, unless
 *       {@code enable_thinking} is {@code false}; {@code qwq*}, {@code deepseek-r1*} and {@code *-thinking}
 *       models always think ({@link Thinking})</td></tr>
 *   <tr><td>{@code [sim:throttle]}</td><td>HTTP 429 {@code Throttling.RateQuota}</td></tr>
 *   <tr><td>{@code [sim:error500]}</td><td>HTTP 500 {@code InternalError}</td></tr>
 *   <tr><td>{@code [sim:bad-request]}</td><td>HTTP 400 {@code InvalidParameter}</td></tr>
 *   <tr><td>{@code [sim:error=CODE]}</td><td>CODE's HTTP status and JSON error body ({@link ErrorCode}); an
 *       unknown CODE is a 400 {@code InvalidParameter}</td></tr>
 *   <tr><td>{@code [sim:error-sse=CODE]}</td><td>the same status and body framed as one SSE {@code event:error},
 *       {@code text/event-stream}</td></tr>
 *   <tr><td>{@code [sim:error-mid]} / {@code [sim:error-mid=CODE]}</td><td>200, three deltas, then
 *       {@code event:error} {@code InternalError.Algo} (or CODE)</td></tr>
 *   <tr><td>{@code [sim:html502]}</td><td>HTTP 502 with an nginx HTML error page</td></tr>
 *   <tr><td>{@code [sim:plain200]}</td><td>200 with the whole answer as one {@code application/json} body
 *       although SSE was asked for</td></tr>
 *   <tr><td>{@code [sim:cut]}</td><td>200, three deltas, then the socket closes without the last chunk</td></tr>
 *   <tr><td>{@code [sim:stall]} / {@code [sim:stall=MS]}</td><td>200, one delta, silence for {@code maxStall} (or MS if shorter), then a cut</td></tr>
 *   <tr><td>{@code [sim:fail-first=N]}</td><td>the first N attempts of the same conversation get 500 {@code InternalError}</td></tr>
 *   <tr><td>{@code [sim:count]}</td><td>{@code messages=M user=U assistant=A system=S} in two deltas</td></tr>
 *   <tr><td>{@code [sim:echo]}</td><td>the last user message without markers, in up to three deltas</td></tr>
 * </table>
 *
 * <p>Requests without {@code Authorization: Bearer <key>} get 401 {@code InvalidApiKey}; a body
 * without {@code model} or {@code input.messages}, or with an unknown/malformed marker, gets 400
 * {@code InvalidParameter}. {@code usage} is estimated from the text ({@link TokenEstimate}: one token
 * per CJK character, one per four other characters). {@code parameters.max_tokens} below the chunk
 * count truncates the answer after that many deltas with {@code finish_reason "length"}. Every open stream holds one pool thread, bounded by
 * {@code maxThreads}; further requests queue.
 */
public final class BailianSimulator implements AutoCloseable {

    static final String TEXT_PATH = "/api/v1/services/aigc/text-generation/generation";
    static final String MULTIMODAL_PATH = "/api/v1/services/aigc/multimodal-generation/generation";
    private static final int ACCEPT_BACKLOG = 2048;
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final SimulatorStats stats;
    private final String host;
    private final CountDownLatch closed = new CountDownLatch(1);

    private BailianSimulator(HttpServer server, ThreadPoolExecutor executor, SimulatorStats stats, String host) {
        this.server = server;
        this.executor = executor;
        this.stats = stats;
        this.host = host;
    }

    /** Binds and starts serving; port 0 picks a free port. */
    public static BailianSimulator start(SimulatorSettings settings) {
        // Small SSE frames must not wait for Nagle's algorithm (up to ~40 ms per frame with delayed
        // ACKs). The JDK server reads this once, when its first instance is created in the JVM.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        SimulatorStats stats = new SimulatorStats();
        FailFirstLedger ledger = new FailFirstLedger(FailFirstLedger.DEFAULT_CAPACITY);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(settings.maxThreads(), settings.maxThreads(),
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemonThreads());
        // Grows to maxThreads under load and shrinks back to nothing when idle.
        executor.allowCoreThreadTimeOut(true);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), ACCEPT_BACKLOG);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot bind " + settings.host() + ":" + settings.port(), e);
        }
        server.createContext(TEXT_PATH, new GenerationHandler(TEXT_PATH, false, settings, stats, ledger));
        server.createContext(MULTIMODAL_PATH, new GenerationHandler(MULTIMODAL_PATH, true, settings, stats, ledger));
        server.createContext("/health", exchange -> {
            try (exchange) {
                Replies.json(exchange, 200, "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8), null);
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                Replies.error(exchange, 404, "NotFound", "The requested URL was not found.", null);
            }
        });
        server.setExecutor(executor);
        server.start();
        return new BailianSimulator(server, executor, stats, settings.host());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The value for LangChain4j's {@code baseUrl}: it must already end in {@code /api/v1}. */
    public String baseUrl() {
        String reachable = "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
        return "http://" + reachable + ":" + port() + "/api/v1";
    }

    public SimulatorStats stats() {
        return stats;
    }

    /** Stops at once: open streams are dropped, stalled requests are woken and ended. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }

    /** Runs until killed: {@code --port= --host= --first-token-delay-ms= --chunk-delay-ms= --chunks= --max-threads= --max-stall-ms=}. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorSettings settings;
        try {
            settings = CommandLine.parse(args, SimulatorSettings.defaults());
        } catch (IllegalArgumentException e) {
            System.err.println("bailian-simulator: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        BailianSimulator simulator = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "bailian-simulator-shutdown"));
        System.out.println("bailian-simulator listening on " + simulator.baseUrl());
        System.out.flush();
        simulator.closed.await();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "bailian-sim-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
