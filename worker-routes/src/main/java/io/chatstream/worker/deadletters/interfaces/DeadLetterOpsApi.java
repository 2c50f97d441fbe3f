package io.chatstream.worker.deadletters.interfaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatstream.worker.answering.application.LiveAnswerSettings;
import io.chatstream.worker.deadletters.application.DeadLetterFilter;
import io.chatstream.worker.deadletters.application.ListingDeadLetters;
import io.chatstream.worker.deadletters.application.ReplayOrder;
import io.chatstream.worker.deadletters.application.ReplayReport;
import io.chatstream.worker.deadletters.application.ReplayingDeadLetters;
import io.chatstream.worker.deadletters.domain.DeadLetter;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * The ops API's HTTP adapter (routes in {@code dlq-ops.camel.yaml}): reads the request, calls one
 * use case, writes JSON. Runs after {@link OpsGuard}; the operator it names goes into the audit log.
 */
public final class DeadLetterOpsApi {

    private static final Set<String> REPLAY_FIELDS = Set.of("request_id", "error_code", "older_than", "newer_than",
            "all", "force", "limit", "reason");
    private static final int MAX_LIST = 1000;

    private final ListingDeadLetters listing;
    private final ReplayingDeadLetters replaying;
    private final LiveAnswerSettings<Exchange> answerSettings;
    private final int defaultListLimit;
    private final int maxPerCall;

    public DeadLetterOpsApi(ListingDeadLetters listing, ReplayingDeadLetters replaying,
            LiveAnswerSettings<Exchange> answerSettings, int defaultListLimit, int maxPerCall) {
        this.listing = listing;
        this.replaying = replaying;
        this.answerSettings = answerSettings;
        this.defaultListLimit = defaultListLimit;
        this.maxPerCall = maxPerCall;
    }

    /** GET /ops/dlq?error_code=&older_than=&newer_than=&limit= : newest first. */
    public void list(Exchange exchange) {
        try {
            DeadLetterFilter filter = new DeadLetterFilter(
                    OpsInput.code("error_code", query(exchange, "error_code")),
                    OpsInput.duration("older_than", query(exchange, "older_than")),
                    OpsInput.duration("newer_than", query(exchange, "newer_than")));
            int limit = OpsInput.limit("limit", query(exchange, "limit"), defaultListLimit, MAX_LIST);
            ListingDeadLetters.Listing result = listing.list(filter, limit);
            ObjectNode body = OpsReplies.JSON.createObjectNode();
            ArrayNode entries = body.putArray("entries");
            result.entries().forEach(l -> entries.add(entry(l)));
            body.put("matched", result.matched()).put("shown", result.entries().size())
                    .put("evicted", result.evicted());
            OpsReplies.json(exchange, 200, body);
        } catch (OpsInput.BadInput e) {
            OpsReplies.error(exchange, 400, "INVALID_ARGUMENT", e.getMessage());
        }
    }

    /** GET /ops/dlq/{request_id} */
    public void entry(Exchange exchange) {
        String id = exchange.getMessage().getHeader("request_id", String.class);
        Optional<ListingDeadLetters.Listed> found = id == null ? Optional.empty() : listing.find(id);
        if (found.isEmpty()) {
            OpsReplies.error(exchange, 404, "NOT_FOUND", "no dead letter for this request id");
            return;
        }
        OpsReplies.json(exchange, 200, entry(found.get()));
    }

    /** POST /ops/dlq/replay with one of request_id, a filter, or all=true. */
    public void replay(Exchange exchange) {
        try {
            ReplayOrder order = order(exchange);
            ReplayReport report = replaying.replay(order, answerSettings.read(exchange));
            if (order.selection() instanceof ReplayOrder.Selection.One && report.matched() == 0) {
                OpsReplies.error(exchange, 404, "NOT_FOUND", "no dead letter for this request id");
                return;
            }
            ObjectNode body = OpsReplies.JSON.createObjectNode();
            ArrayNode results = body.putArray("results");
            report.results().forEach(r -> results.addObject().put("request_id", r.requestId())
                    .put("result", r.result()).put("error_code", r.errorCode()));
            body.put("matched", report.matched()).put("remaining", report.remaining());
            ObjectNode skipped = body.putObject("skipped");
            report.skipped().forEach(skipped::put);
            OpsReplies.json(exchange, 200, body);
        } catch (OpsInput.BadInput e) {
            OpsReplies.error(exchange, 400, "INVALID_ARGUMENT", e.getMessage());
        }
    }

    private ReplayOrder order(Exchange exchange) {
        JsonNode body = body(exchange);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!REPLAY_FIELDS.contains(name)) {
                throw new OpsInput.BadInput("unknown field '" + name + "'; allowed: " + REPLAY_FIELDS);
            }
        }
        String requestId = text(body, "request_id");
        DeadLetterFilter filter = new DeadLetterFilter(OpsInput.code("error_code", text(body, "error_code")),
                OpsInput.duration("older_than", text(body, "older_than")),
                OpsInput.duration("newer_than", text(body, "newer_than")));
        boolean all = bool(body, "all");
        int selectors = (requestId != null ? 1 : 0) + (filter.isEmpty() ? 0 : 1) + (all ? 1 : 0);
        if (selectors != 1) {
            throw new OpsInput.BadInput("give exactly one of: request_id, a filter (error_code, older_than, "
                    + "newer_than), or all=true");
        }
        if (requestId != null && (requestId.length() > 200 || requestId.isBlank())) {
            throw new OpsInput.BadInput("request_id is malformed");
        }
        JsonNode limitNode = body.get("limit");
        int limit = 0;
        if (limitNode != null && !limitNode.isNull()) {
            if (!limitNode.canConvertToInt() || !limitNode.isIntegralNumber()) {
                throw new OpsInput.BadInput("limit must be a whole number");
            }
            limit = OpsInput.limit("limit", limitNode.asText(), maxPerCall, 1_000_000); // the use case cuts it to max-per-call
        }
        String reason = text(body, "reason");
        if (reason != null && reason.length() > 500) {
            throw new OpsInput.BadInput("reason is longer than 500 characters");
        }
        ReplayOrder.Selection selection = requestId != null ? new ReplayOrder.Selection.One(requestId.trim())
                : new ReplayOrder.Selection.Matching(all ? DeadLetterFilter.ANY : filter);
        return new ReplayOrder(selection, bool(body, "force"), limit,
                exchange.getProperty(OpsGuard.ACTOR, "unknown", String.class), reason);
    }

    private static JsonNode body(Exchange exchange) {
        String raw = exchange.getMessage().getBody(String.class);
        if (raw == null || raw.isBlank()) {
            throw new OpsInput.BadInput("a JSON object is required");
        }
        try {
            JsonNode node = OpsReplies.JSON.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new OpsInput.BadInput("a JSON object is required");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OpsInput.BadInput("the body is not valid JSON");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new OpsInput.BadInput(field + " must be a string");
        }
        return n.asText().isBlank() ? null : n.asText();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new OpsInput.BadInput(field + " must be true or false");
        }
        return n.asBoolean();
    }

    private static String query(Exchange exchange, String name) {
        return exchange.getMessage().getHeader(name, String.class);
    }

    private static ObjectNode entry(ListingDeadLetters.Listed listed) {
        DeadLetter l = listed.letter();
        ObjectNode n = OpsReplies.JSON.createObjectNode();
        n.put("request_id", l.requestId()).put("session_id", l.sessionId()).put("user_id", l.userId())
                .put("error_code", l.errorCode()).put("error_message", l.errorMessage())
                .put("attempts", l.attempts()).put("parked_at", l.parkedAt().toString())
                .put("age_seconds", listed.age().toSeconds()).put("retryable", listed.retryable())
                .put("replayable", listed.replayable()).put("replay", listed.replay())
                .put("trace_id", l.traceId()).put("partition", l.partition()).put("offset", l.offset());
        return n;
    }
}
