package io.chatstream.query.history.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatstream.domain.RequestId;
import io.chatstream.domain.SessionId;
import io.chatstream.domain.UserId;
import io.chatstream.query.history.domain.MatchingMessage;
import io.chatstream.query.history.domain.MessageCursor.Role;
import io.chatstream.query.history.domain.SearchHit;
import io.chatstream.query.streaming.application.RejectionCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SearchingMessagesTest {

    private final InMemoryMessageSearch store = new InMemoryMessageSearch();
    private final SearchingMessages searching = new SearchingMessages(store, 10, 20);
    private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

    private void message(String user, String request, Role role, int minute, String text) {
        store.add(new UserId(user), new MatchingMessage(new SessionId("session-0001"), "Trip", new RequestId(request),
                role, 1, text, t0.plusSeconds(60L * minute)));
    }

    @Test
    @DisplayName("hits come newest first, each shown by a snippet around the terms, page by page without repeats")
    void pagesHits() {
        message("alice", "request-0001", Role.USER, 0, "Where is Rome?");
        message("alice", "request-0001", Role.ASSISTANT, 0, "Rome is in Italy, " + "very ".repeat(20) + "old.");
        message("alice", "request-0002", Role.USER, 5, "And rome's weather?");
        message("alice", "request-0003", Role.USER, 7, "Something else");

        List<String> seen = new ArrayList<>();
        String cursor = "";
        List<SearchHit> first = null;
        do {
            var page = ((PageResult.Found<SearchHit>) searching.search("alice", " ROME ", cursor, 1)).page();
            first = first == null ? page.items() : first;
            page.items().forEach(h -> seen.add(h.requestId().value() + "/" + h.role().wire()));
            cursor = page.nextCursor();
        } while (!cursor.isEmpty());

        assertThat(seen).containsExactly("request-0002/user", "request-0001/assistant", "request-0001/user");
        assertThat(first.get(0).snippet()).isEqualTo("And rome's weather?");
    }

    @Test
    @DisplayName("long messages are shown by a snippet of the configured length")
    void snippets() {
        message("alice", "request-0001", Role.ASSISTANT, 0, "x".repeat(100) + " Rome " + "y".repeat(100));

        var hits = ((PageResult.Found<SearchHit>) searching.search("alice", "rome", "", 0)).page().items();

        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.snippet()).hasSize(20).startsWith("…").endsWith("…").contains("Rome");
        });
    }

    @Test
    @DisplayName("another user's messages are never hits")
    void isolation() {
        message("mallory", "request-0009", Role.USER, 0, "Rome");

        assertThat(((PageResult.Found<SearchHit>) searching.search("alice", "rome", "", 0)).page().items()).isEmpty();
    }

    @Test
    @DisplayName("a blank or too long query, a bad user, page size or cursor are refused with their codes")
    void refusals() {
        assertThat(code(searching.search("alice", "   ", "", 0))).isEqualTo(RejectionCodes.INVALID_QUERY);
        assertThat(code(searching.search("alice", null, "", 0))).isEqualTo(RejectionCodes.INVALID_QUERY);
        assertThat(code(searching.search("alice", "x".repeat(11), "", 0))).isEqualTo(RejectionCodes.INVALID_QUERY);
        assertThat(searching.search("alice", "x".repeat(10), "", 0)).isInstanceOf(PageResult.Found.class);
        assertThat(code(searching.search("bad user", "rome", "", 0))).isEqualTo(RejectionCodes.INVALID_USER_ID);
        assertThat(code(searching.search("alice", "rome", "", 101))).isEqualTo(RejectionCodes.INVALID_PAGE_SIZE);
        assertThat(code(searching.search("alice", "rome", "!!", 0))).isEqualTo(RejectionCodes.INVALID_CURSOR);
    }

    private static String code(PageResult<?> result) {
        return ((PageResult.Rejected<?>) result).rejection().code();
    }
}
