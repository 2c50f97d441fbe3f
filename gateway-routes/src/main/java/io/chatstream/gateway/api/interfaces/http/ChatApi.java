package io.chatstream.gateway.api.interfaces.http;

import io.chatstream.domain.SessionId;
import io.chatstream.gateway.api.application.GatewayCodes;
import io.chatstream.gateway.api.application.Outcome;
import io.chatstream.gateway.api.application.Rejection;
import io.chatstream.gateway.backend.application.PromptAccepted;
import io.chatstream.gateway.chat.application.OfferedModels;
import io.chatstream.gateway.chat.application.SelectingVersion;
import io.chatstream.gateway.chat.application.SendingPrompt;
import io.chatstream.gateway.chat.application.StoppingPrompt;
import io.chatstream.gateway.history.application.DeletingSession;
import io.chatstream.gateway.history.application.ListingSessions;
import io.chatstream.gateway.history.application.ReadingSessionMessages;
import io.chatstream.gateway.history.application.ChangingSession;
import io.chatstream.gateway.history.application.SessionChanged;
import io.chatstream.gateway.history.application.SearchingMessages;
import io.chatstream.gateway.identity.application.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The chat JSON API as called by the REST DSL routes in {@code camel/chat-api.camel.yaml}: one method
 * per route, each HTTP in, one use case, HTTP out.
 */
@Component("chatApi")
public class ChatApi {

    private final SendingPrompt sending;
    private final StoppingPrompt stopping;
    private final ListingSessions listing;
    private final ReadingSessionMessages reading;
    private final ChangingSession changing;
    private final DeletingSession deleting;
    private final SearchingMessages searching;
    private final OfferedModels models;
    private final SelectingVersion selecting;

    public ChatApi(SendingPrompt sending, StoppingPrompt stopping, ListingSessions listing, ReadingSessionMessages reading,
            ChangingSession changing, DeletingSession deleting, SearchingMessages searching, OfferedModels models,
            SelectingVersion selecting) {
        this.models = models;
        this.selecting = selecting;
        this.sending = sending;
        this.stopping = stopping;
        this.listing = listing;
        this.reading = reading;
        this.changing = changing;
        this.deleting = deleting;
        this.searching = searching;
    }

    public void send(Exchange exchange) {
        withCaller(exchange, caller -> {
            Outcome<RequestFields> body = RequestFields.of(exchange.getIn().getBody(String.class));
            Outcome<PromptAccepted> accepted = body.then(f ->
                    f.text("session_id").then(session ->
                    f.text("prompt").then(prompt ->
                    f.text("request_id").then(request ->
                    f.text("model").then(model ->
                    f.flagOrNull("thinking").then(thinking ->
                    f.text("version_of").then(versionOf ->
                            sending.send(caller, session, prompt, request, model, thinking, versionOf))))))));
            HttpReplies.reply(exchange, 202, accepted, ChatApi::accepted);
        });
    }

    public void regenerate(Exchange exchange) {
        withCaller(exchange, caller -> {
            Outcome<RequestFields> body = RequestFields.of(exchange.getIn().getBody(String.class));
            Outcome<PromptAccepted> accepted = body.then(f ->
                    f.text("version_of").then(versionOf ->
                    f.text("request_id").then(request ->
                    f.text("model").then(model ->
                    f.flagOrNull("thinking").then(thinking ->
                            sending.regenerate(caller, versionOf, request, model, thinking))))));
            HttpReplies.reply(exchange, 202, accepted, ChatApi::accepted);
        });
    }

    public void selectVersion(Exchange exchange) {
        withCaller(exchange, caller -> {
            Outcome<RequestFields> body = RequestFields.of(exchange.getIn().getBody(String.class));
            HttpReplies.reply(exchange, 200, body.then(f -> f.text("request_id").then(r -> selecting.select(caller, r))),
                    v -> ApiJson.fields("session_id", v.sessionId(), "head_request_id", v.headRequestId()));
        });
    }

    private static Map<String, Object> accepted(PromptAccepted a) {
        return ApiJson.fields("request_id", a.requestId(), "session_id", a.sessionId(), "accepted_at", a.acceptedAt(),
                "status", a.status(), "turn", a.turn());
    }

    public void stop(Exchange exchange) {
        withCaller(exchange, caller -> {
            Outcome<RequestFields> body = RequestFields.of(exchange.getIn().getBody(String.class));
            HttpReplies.reply(exchange, 202, body.then(f -> f.text("request_id").then(r -> stopping.stop(caller, r))),
                    s -> ApiJson.fields("request_id", s.requestId(), "status", s.status()));
        });
    }

    public void sessions(Exchange exchange) {
        withCaller(exchange, caller -> HttpReplies.reply(exchange, 200,
                pageSize(exchange).then(size -> listing.list(caller, query(exchange, "cursor"), size)),
                page -> Map.of("sessions", page.items().stream().map(ApiJson::session).toList(),
                        "next_cursor", page.nextCursor())));
    }

    public void messages(Exchange exchange) {
        withCaller(exchange, caller -> HttpReplies.reply(exchange, 200,
                pageSize(exchange).then(size -> reading.read(caller, query(exchange, "id"), query(exchange, "cursor"), size)),
                page -> Map.of("messages", page.items().stream().map(ApiJson::message).toList(),
                        "next_cursor", page.nextCursor())));
    }

    public void me(Exchange exchange) {
        withCaller(exchange, caller -> HttpReplies.json(exchange, 200,
                ApiJson.write(Map.of("user_id", caller.user().value()))));
    }

    public void models(Exchange exchange) {
        withCaller(exchange, caller -> HttpReplies.reply(exchange, 200, models.list(caller),
                choices -> Map.of("models", choices.models().stream().map(ApiJson::model).toList(),
                        "default_model", choices.defaultModel())));
    }

    public void search(Exchange exchange) {
        withCaller(exchange, caller -> HttpReplies.reply(exchange, 200,
                pageSize(exchange).then(size -> searching.search(caller, query(exchange, "q"), query(exchange, "cursor"), size)),
                page -> Map.of("hits", page.items().stream().map(ApiJson::hit).toList(),
                        "next_cursor", page.nextCursor())));
    }

    /** PATCH: rename ({@code title}), pin or unpin ({@code pinned}), or both; the reply names only what changed. */
    public void changeSession(Exchange exchange) {
        withCaller(exchange, caller -> {
            Outcome<RequestFields> body = RequestFields.of(exchange.getIn().getBody(String.class));
            HttpReplies.reply(exchange, 200,
                    body.then(f -> f.text("title").then(title -> f.flagOrNull("pinned").then(pinned ->
                            changing.change(caller, query(exchange, "id"), title, pinned)))),
                    ChatApi::changed);
        });
    }

    private static Map<String, Object> changed(SessionChanged c) {
        Map<String, Object> reply = ApiJson.fields("session_id", c.sessionId());
        if (c.title() != null) {
            reply.put("title", c.title());
        }
        if (c.pinned() != null) {
            reply.put("pinned", c.pinned());
        }
        return reply;
    }

    public void delete(Exchange exchange) {
        withCaller(exchange, caller -> {
            Outcome<SessionId> deleted = deleting.delete(caller, query(exchange, "id"));
            if (deleted instanceof Outcome.Rejected<SessionId> rejected) {
                HttpReplies.error(exchange, rejected.rejection());
            } else {
                HttpReplies.noContent(exchange);
            }
        });
    }

    private static void withCaller(Exchange exchange, Consumer<Caller> action) {
        Optional<Caller> caller = Callers.current(exchange.getIn().getHeader("traceparent", String.class));
        if (caller.isEmpty()) {
            HttpReplies.error(exchange, new Rejection(GatewayCodes.UNAUTHENTICATED, "sign in first: a valid token is required"));
            return;
        }
        action.accept(caller.get());
    }

    private static String query(Exchange exchange, String name) {
        return exchange.getIn().getHeader(name, String.class);
    }

    /** Null when absent; a rejection (not a 500) when it is not a number. */
    private static Outcome<Integer> pageSize(Exchange exchange) {
        String raw = query(exchange, "page_size");
        if (raw == null || raw.isEmpty()) {
            return Outcome.done(null);
        }
        try {
            return Outcome.done(Integer.valueOf(raw.trim()));
        } catch (NumberFormatException e) {
            return Outcome.rejected(GatewayCodes.INVALID_PAGE_SIZE, "page_size must be a number");
        }
    }
}
