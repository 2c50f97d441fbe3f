package io.chatstream.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;

/**
 * The generation endpoint: validates like DashScope (key first, then body), picks the scenario
 * from the markers of the last user message and hands the answer to {@link AnswerReply}.
 */
final class GenerationHandler implements HttpHandler {

    // System.Logger: works standalone without an SLF4J binding, and reaches SLF4J when bridged.
    private static final Logger LOG = System.getLogger(GenerationHandler.class.getName());
    private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;
    /** The scenario a title request counts as (TitleReply), besides the markers of its instruction. */
    static final String TITLE_SCENARIO = "title";

    private final String path;
    private final boolean multimodal;
    private final SimulatorSettings settings;
    private final SimulatorStats stats;
    private final FailFirstLedger ledger;

    GenerationHandler(String path, boolean multimodal, SimulatorSettings settings, SimulatorStats stats,
                      FailFirstLedger ledger) {
        this.path = path;
        this.multimodal = multimodal;
        this.settings = settings;
        this.stats = stats;
        this.ledger = ledger;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        boolean cut = false;
        try {
            respond(exchange, requestId);
        } catch (ConnectionCut deliberate) {
            cut = true;
            throw deliberate;
        } catch (IOException clientGone) {
            stats.clientDisconnected();
        } catch (RuntimeException unexpected) {
            LOG.log(Level.WARNING, "simulator request " + requestId + " failed unexpectedly", unexpected);
            if (exchange.getResponseCode() == -1) {
                Replies.internalError(exchange, requestId);
            }
        } finally {
            if (!cut) {
                closeQuietly(exchange);
            }
        }
    }

    private void respond(HttpExchange exchange, String requestId) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            Replies.error(exchange, 404, "NotFound", "The requested URL was not found.", requestId);
            return;
        }
        stats.requestReceived();
        if (!"POST".equals(exchange.getRequestMethod())) {
            stats.requestRejected();
            exchange.getResponseHeaders().set("Allow", "POST");
            Replies.error(exchange, 405, "MethodNotAllowed", "Only POST is supported.", requestId);
            return;
        }
        if (!hasApiKey(exchange)) {
            stats.requestRejected();
            Replies.error(exchange, 401, "InvalidApiKey", "Invalid API-key provided.", requestId);
            return;
        }
        GenerationRequest request;
        Directives directives;
        try {
            request = GenerationRequest.from(readJson(exchange));
            // A title request's markers are in its instruction: the prompt it quotes is not addressed to us.
            directives = Directives.parse(TitleReply.isTitleRequest(request)
                    ? TitleReply.systemText(request) : request.lastUserText());
        } catch (IllegalArgumentException invalid) {
            stats.requestRejected();
            Replies.error(exchange, ErrorCode.INVALID_PARAMETER.status(), ErrorCode.INVALID_PARAMETER.code(),
                    invalid.getMessage(), requestId);
            return;
        }
        if (!multimodal && ModelEndpoint.multimodalOnly(request.model())) {
            stats.requestRejected();
            Replies.error(exchange, ErrorCode.INVALID_PARAMETER.status(), ErrorCode.INVALID_PARAMETER.code(),
                    ModelEndpoint.WRONG_ENDPOINT_MESSAGE, requestId);
            return;
        }
        countScenarios(directives, TitleReply.isTitleRequest(request));
        if (Boolean.TRUE.equals(request.enableThinking())) {
            stats.thinkingRequested();
        }
        if (directives.failFirst() > 0
                && ledger.nextAttempt(request.conversationKey()) <= directives.failFirst()) {
            Replies.internalError(exchange, requestId);
            return;
        }
        switch (directives.outcome()) {
            case THROTTLE -> Replies.error(exchange, ErrorCode.RATE_QUOTA, requestId);
            case ERROR_500 -> Replies.internalError(exchange, requestId);
            case BAD_REQUEST -> Replies.error(exchange, 400, "InvalidParameter",
                    "The simulator was asked to reject this request ([sim:bad-request]).", requestId);
            case ERROR -> Replies.error(exchange, directives.errorCode(), requestId);
            case ERROR_SSE -> Replies.sseError(exchange, directives.errorCode(), requestId);
            case HTML_502 -> Replies.proxyError(exchange, 502, "Bad Gateway");
            default -> new AnswerReply(exchange, requestId, request, directives, settings, stats, multimodal)
                    .send(wantsStream(exchange) && directives.outcome() != Outcome.PLAIN_200);
        }
    }

    private void countScenarios(Directives directives, boolean title) {
        if (title) {
            stats.scenarioSeen(TITLE_SCENARIO);
        } else if (directives.markers().isEmpty()) {
            stats.scenarioSeen(Outcome.NORMAL.marker());
        }
        directives.markers().stream().distinct().forEach(stats::scenarioSeen);
    }

    private static boolean hasApiKey(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && !authorization.substring(7).isBlank();
    }

    private static boolean wantsStream(HttpExchange exchange) {
        String sse = exchange.getRequestHeaders().getFirst("X-DashScope-SSE");
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return "enable".equalsIgnoreCase(sse) || (accept != null && accept.contains("text/event-stream"));
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("The request body exceeds " + MAX_BODY_BYTES + " bytes.");
        }
        if (body.length == 0) {
            throw new IllegalArgumentException("The request body is empty.");
        }
        try {
            return WireFormat.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The request body is not valid JSON.");
        }
    }

    private static void closeQuietly(HttpExchange exchange) {
        try {
            exchange.close();
        } catch (RuntimeException ignored) {
            // The client is gone; nothing left to tell it.
        }
    }
}
